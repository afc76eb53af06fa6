import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auth, type CreatedEvent, createEvent, join, profile } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let event: CreatedEvent;
beforeEach(async () => {
  t = await createTestApp();
  event = await createEvent(t.app, { tables: { count: 1, seats: 4 } });
});
afterEach(async () => t.close());

const refused = [
  'javascript:alert(1)//@a.bc',
  'data:text/html,<script>alert(1)</script>@x.yz',
  'http://a',
  'https://localhost',
  'ftp://example.org/file',
  'javascript://example.org/%0Aalert(1)',
  'ada@',
  '@example.org',
  'ada@example',
  'ada lovelace@example.org',
  'www.example.org',
];
const accepted = [
  'ada@example.org',
  'a.b+c@sub.example.de',
  'https://example.org/a,b;c',
  'http://amt.berlin.de',
];

describe('contacts', () => {
  it.each(refused)('refuses %s on join and on a profile edit, changing nothing', async (contact) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/participants`,
      payload: profile({ contact, shareContact: true }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('contact');
    const { token } = await join(t.app, event.code, { contact: 'ada@example.org' });
    const edit = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: auth(token),
      payload: { contact },
    });
    expect(edit.statusCode).toBe(400);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: auth(token) });
    expect(me.json().me.contact).toBe('ada@example.org');
  });

  it.each(accepted)('accepts %s', async (contact) => {
    const { token } = await join(t.app, event.code, { contact });
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: auth(token) });
    expect(me.json().me.contact).toBe(contact);
  });

  it('writes vCards escaped per property type, with N, EMAIL for e-mail and URL for links', async () => {
    const me = await join(t.app, event.code, {
      displayName: 'Ich',
      contact: 'ich@example.org',
      shareContact: true,
    });
    await join(t.app, event.code, {
      displayName: 'Müller, Ada; "A" \\ B',
      organisation: 'Amt; Referat 1, IT',
      contact: 'https://example.org/a,b;c',
      shareContact: true,
    });
    await join(t.app, event.code, {
      displayName: 'Grace Hopper',
      organisation: null,
      contact: 'grace@example.org',
      shareContact: true,
    });
    const mod = (url: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/events/${event.code}${url}`,
        headers: auth(event.moderator),
      });
    expect((await mod('/rounds')).statusCode).toBe(201);
    expect((await mod('/finish')).statusCode).toBe(200);
    const res = await t.app.inject({ method: 'GET', url: '/api/me/contacts.vcf', headers: auth(me.token) });
    expect(res.statusCode).toBe(200);
    const cards = res.body.split('END:VCARD\r\n').filter(Boolean);
    expect(cards).toHaveLength(2);
    const ada = cards.find((c) => c.includes('Müller'))!;
    const grace = cards.find((c) => c.includes('Grace'))!;
    const lines = (card: string) => card.split('\r\n').filter(Boolean);
    expect(lines(ada)).toEqual([
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Müller\\, Ada\\; "A" \\\\ B',
      'N:;Müller\\, Ada\\; "A" \\\\ B;;;',
      'ORG:Amt\\; Referat 1\\, IT',
      // A URI is not text: its commas and semicolons stay as they are.
      'URL:https://example.org/a,b;c',
    ]);
    expect(lines(grace)).toEqual([
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Grace Hopper',
      'N:;Grace Hopper;;;',
      'EMAIL;TYPE=INTERNET:grace@example.org',
    ]);
  });
});
