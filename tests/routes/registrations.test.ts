import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auth, type CreatedEvent, createEvent, moderatorState, profile } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

let t: TestApp;
let event: CreatedEvent;

beforeEach(async () => {
  t = await createTestApp();
  event = await createEvent(t.app);
});
afterEach(() => t.close());

const post = (path: string, payload: Record<string, unknown>) =>
  t.app.inject({
    method: 'POST',
    url: `/api/events/${event.code}${path}`,
    headers: auth(event.moderator),
    payload,
  });
const list = async () =>
  (
    await t.app.inject({
      method: 'GET',
      url: `/api/events/${event.code}/registrations`,
      headers: auth(event.moderator),
    })
  ).json();
const linksCsv = async () =>
  (
    await t.app.inject({
      method: 'GET',
      url: `/api/events/${event.code}/registrations/links.csv`,
      headers: auth(event.moderator),
    })
  ).body;
const secretOf = (csv: string, ticket: string) => {
  const line = csv.split('\r\n').find((l) => l.startsWith(`${ticket},`));
  return line?.match(/#([A-Za-z0-9_-]+)$/)?.[1];
};

describe('import of registered attendees', () => {
  it('previews a pretix CSV export: mapping suggested, values mapped to the catalogue, unknown ones flagged', async () => {
    const res = await post('/registrations/preview', { content: fixture('pretix/orders-positions.csv') });
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    expect(preview.mapping).toMatchObject({
      ticket: ['Order code', 'Position ID'],
      name: 'Attendee name',
      organisation: 'Company',
      email: 'Attendee email',
      role: 'Your role',
      stage: 'Open-source stage',
      interests: 'Topics of interest',
      status: 'Status',
    });
    expect(preview.skipped).toBe(1); // the cancelled order
    const anna = preview.people.find((p: { ticketId: string }) => p.ticketId === 'Q7XKD-1');
    expect(anna).toMatchObject({
      displayName: 'Anna Beispiel',
      organisation: 'Stadt Musterhausen',
      role: 'verwaltung',
      stage: 1,
      interests: ['souveraenitaet', 'beschaffung'],
      email: 'anna@example.org',
      status: 'new',
    });
    expect(preview.people.find((p: { ticketId: string }) => p.ticketId === 'Q7XKD-2')).toMatchObject({
      role: 'verwaltung',
      stage: 3,
      interests: ['governance'],
    });
    expect(preview.unknown).toEqual(
      expect.arrayContaining([
        { line: 4, field: 'interests', value: 'Quantencomputing' },
        { line: 6, field: 'role', value: 'Sternenflotte' },
      ]),
    );
    expect(preview.people.find((p: { ticketId: string }) => p.ticketId === 'RT4UV-1').role).toBeNull();
    expect(preview.errors).toEqual([]);
    expect((await list()).registrations).toEqual([]); // a preview writes nothing
  });

  it('imports a pretix JSON export as expected people, who are neither participants nor planned', async () => {
    const res = await post('/registrations', { content: fixture('pretix/orders.json') });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 2, updated: 0, skipped: 2 }); // add-on and cancelled order
    const { registrations, expected } = await list();
    expect(expected).toBe(2);
    expect(registrations.map((r: { displayName: string }) => r.displayName)).toEqual([
      'Frieda Fiktiv',
      'Gustav Gedacht',
    ]);
    const state = await moderatorState(t.app, event);
    expect(state.participants).toEqual([]);
    const start = await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/rounds`,
      headers: auth(event.moderator),
    });
    expect(start.json().error.code).toBe('nobody_present');
  });

  it('re-imports by ticket id: updates, never duplicates, and leaves a claimed profile as its owner made it', async () => {
    await post('/registrations', { content: fixture('pretix/orders-positions.csv') });
    const csv = await linksCsv();
    const secret = secretOf(csv, 'Q7XKD-1')!;
    const claim = await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/claim`,
      headers: auth(secret),
      payload: profile({ displayName: 'Anna B.' }),
    });
    expect(claim.statusCode).toBe(201);
    const changed = fixture('pretix/orders-positions.csv')
      .replace('Cem Probe', 'Cem Probe-Neu')
      .replace('Anna Beispiel', 'Anna Überschrieben');
    const again = await post('/registrations', { content: changed });
    expect(again.json()).toMatchObject({ created: 0, updated: 3, claimed: 1 });
    const { registrations } = await list();
    expect(registrations).toHaveLength(4);
    expect(registrations.map((r: { displayName: string }) => r.displayName)).toContain('Cem Probe-Neu');
    const state = await moderatorState(t.app, event);
    expect(state.participants.map((p: { displayName: string }) => p.displayName)).toEqual(['Anna B.']);
  });

  it('refuses a file with bad rows as a whole, naming line and field of each', async () => {
    const res = await post('/registrations', {
      content: fixture('plain-bad.csv'),
      mapping: {
        ticket: ['Nr'],
        givenName: 'Vorname',
        familyName: 'Nachname',
        organisation: 'Behörde',
        role: 'Rolle',
      },
    });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error.code).toBe('import_invalid');
    expect(body.error.details).toEqual([
      expect.objectContaining({ line: 4, field: 'ticketId', problem: 'duplicate' }),
    ]);
    const long = await post('/registrations', {
      content: `Nr;Name\n1;${'x'.repeat(61)}\n2;\n3;Gut\n`,
      mapping: { ticket: ['Nr'], name: 'Name' },
    });
    expect(long.json().error.details).toEqual([
      expect.objectContaining({ line: 2, field: 'displayName', problem: 'too_long' }),
      expect.objectContaining({ line: 3, field: 'displayName', problem: 'missing' }),
    ]);
    expect((await list()).registrations).toEqual([]);
  });

  it('answers unreadable files, unknown columns and foreign secrets with a clear 4xx', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ content: '{"event": {"orders": "no"}}' }, 422, 'import_unreadable'],
      [{ content: '{not json' }, 422, 'import_unreadable'],
      [{ content: 'Nr,Name\n' }, 422, 'import_empty'],
      [{ content: 'Nr,Name\n1,"open quote\n' }, 422, 'import_unreadable'],
      [{ content: 'a,b\n1,2\n' }, 422, 'import_mapping_needed'],
      [
        { content: 'Nr,Name\n1,A\n', mapping: { ticket: ['Nope'], name: 'Name' } },
        422,
        'import_unknown_column',
      ],
      [{ content: 'Nr,Name\n1,A\n', mapping: { ticket: [] } }, 400, 'invalid_input'],
      [{ content: 42 }, 400, 'invalid_input'],
    ];
    for (const [payload, status, code] of cases) {
      const res = await post('/registrations', payload);
      expect({ status: res.statusCode, code: res.json().error?.code }).toEqual({ status, code });
    }
    const screen = await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/registrations`,
      headers: auth(event.screen),
      payload: { content: fixture('pretix/orders.json') },
    });
    expect(screen.statusCode).toBe(403);
    expect((await list()).registrations).toEqual([]);
  });

  it('maps unknown values as the moderator says, and erases the expected list on request', async () => {
    const res = await post('/registrations', {
      content: fixture('pretix/orders-positions.csv'),
      values: { role: { Sternenflotte: 'andere' }, interests: { Quantencomputing: null } },
    });
    expect(res.json()).toMatchObject({ created: 4, unknown: 0 });
    const csv = await linksCsv();
    expect(csv.split('\r\n')[0]).toBe('\ufeffticket_id,name,organisation,email,link');
    expect(csv).toContain('RT4UV-1,Emil Test,Freie Software e. V.,emil@example.com,http://127.0.0.1:3999/c/');
    const erase = await t.app.inject({
      method: 'DELETE',
      url: `/api/events/${event.code}/registrations`,
      headers: auth(event.moderator),
    });
    expect(erase.json()).toEqual({ erased: 4 });
    expect((await list()).registrations).toEqual([]);
    expect(secretOf(await linksCsv(), 'RT4UV-1')).toBeUndefined();
  });
});

describe('claiming a registered profile', () => {
  it('prefills, needs the privacy notice, seats only after the claim, and works once', async () => {
    await post('/registrations', { content: fixture('pretix/orders.json') });
    const secret = secretOf(await linksCsv(), 'A1B2C-1')!;
    const url = `/api/events/${event.code}/claim`;
    const prefill = await t.app.inject({ method: 'GET', url, headers: auth(secret) });
    expect(prefill.json()).toEqual({
      claimed: false,
      profile: {
        displayName: 'Frieda Fiktiv',
        organisation: 'Landesamt für Beispiele',
        role: 'verwaltung',
        stage: 4,
        interests: ['governance', 'souveraenitaet'],
        contact: 'frieda@example.org',
      },
    });
    const { privacyAccepted: _, ...withoutConsent } = profile();
    const refused = await t.app.inject({
      method: 'POST',
      url,
      headers: auth(secret),
      payload: withoutConsent,
    });
    expect(refused.statusCode).toBe(400);
    expect((await moderatorState(t.app, event)).participants).toEqual([]);

    const body = profile({ displayName: 'Frieda', requestKey: 'k'.repeat(24) });
    const claimed = await t.app.inject({ method: 'POST', url, headers: auth(secret), payload: body });
    expect(claimed.statusCode).toBe(201);
    const retried = await t.app.inject({ method: 'POST', url, headers: auth(secret), payload: body });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toEqual(claimed.json());
    const other = await t.app.inject({ method: 'POST', url, headers: auth(secret), payload: profile() });
    expect(other.json().error.code).toBe('already_claimed');

    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: auth(claimed.json().token) });
    expect(me.json().me.displayName).toBe('Frieda');
    const state = await moderatorState(t.app, event);
    expect(state.participants).toHaveLength(1);
    expect((await list()).claimed).toBe(1);
  });

  it('takes the badge of a phone that joined by the QR code first as that same person, not a second one', async () => {
    await post('/registrations', { content: fixture('pretix/orders.json') });
    const secret = secretOf(await linksCsv(), 'A1B2C-1')!;
    const body = profile({ displayName: 'Frieda', requestKey: 'q'.repeat(24) });
    const joined = await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/participants`,
      payload: body,
    });
    expect(joined.statusCode).toBe(201);
    const claimed = await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/claim`,
      headers: auth(secret),
      payload: body,
    });
    expect(claimed.statusCode).toBe(201);
    expect(claimed.json().participantId).toBe(joined.json().participantId);
    expect((await moderatorState(t.app, event)).participants).toHaveLength(1);
    expect((await list()).claimed).toBe(1);
  });

  it('refuses a link of another event or a made-up one', async () => {
    await post('/registrations', { content: fixture('pretix/orders.json') });
    const secret = secretOf(await linksCsv(), 'A1B2C-1')!;
    const other = await createEvent(t.app);
    for (const [code, s] of [
      [other.code, secret],
      [event.code, 'x'.repeat(32)],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url: `/api/events/${code}/claim`, headers: auth(s) });
      expect(res.statusCode).toBe(401);
    }
  });

  it('deleting my data removes my registration too', async () => {
    await post('/registrations', { content: fixture('pretix/orders.json') });
    const secret = secretOf(await linksCsv(), 'D3E4F-1')!;
    const claimed = await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/claim`,
      headers: auth(secret),
      payload: profile(),
    });
    await t.app.inject({ method: 'DELETE', url: '/api/me', headers: auth(claimed.json().token) });
    const { registrations } = await list();
    expect(registrations.map((r: { ticketId: string }) => r.ticketId)).toEqual(['A1B2C-1']);
  });
});
