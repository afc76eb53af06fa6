import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auth, createEvent, join, profile } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { count as countRows, rows } from '../helpers/rows.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

const count = (table: string) => countRows(t.app, `select count(*) n from ${table}`);

describe('joining', () => {
  it('joins with a full profile and returns a token stored only as a hash', async () => {
    const event = await createEvent(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/participants`,
      payload: profile({
        displayName: '  Ada   Lovelace ',
        organisation: 'LH München',
        interests: ['governance', 'lizenzen'],
        contact: 'ada@example.org',
        shareContact: true,
      }),
    });
    expect(res.statusCode).toBe(201);
    const { token, participantId } = res.json();
    expect(token.length).toBeGreaterThanOrEqual(21);
    expect(JSON.stringify(await rows(t.app, 'select * from participants'))).not.toContain(token);
    const me = (await t.app.inject({ method: 'GET', url: '/api/me', headers: auth(token) })).json();
    expect(me.me).toMatchObject({
      id: participantId,
      displayName: 'Ada Lovelace',
      organisation: 'LH München',
      presence: 'present',
    });
    expect(me.seat).toBeNull();
    expect(me.event).toMatchObject({ phase: 'lobby', joinOpen: true });
    expect(me.serverTime).toBeTypeOf('number');
  });

  it('returns the same person when the client repeats its request key', async () => {
    const event = await createEvent(t.app);
    const payload = profile({ requestKey: 'k'.repeat(24) });
    const first = await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/participants`,
      payload,
    });
    const second = await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/participants`,
      payload,
    });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual(first.json());
    expect(await count('participants')).toBe(1);
  });

  it.each([
    [{ displayName: '' }, 'displayName'],
    [{ displayName: '\u202e\u200b ' }, 'displayName'],
    [{ role: 'Verwaltung!' }, 'role'],
    [{ stage: 7 }, 'stage'],
    [{ interests: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'interests'],
    [{ interests: ['governance', 'governance'] }, 'interests'],
    [{ contact: 'not a contact' }, 'contact'],
    [{ privacyAccepted: false }, 'privacyAccepted'],
    [{ requestKey: 'short' }, 'requestKey'],
    [{ isAdmin: true }, ''],
  ])('rejects %j with 400 and changes nothing', async (overrides, field) => {
    const event = await createEvent(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/participants`,
      payload: profile(overrides),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain(field);
    expect(await count('participants')).toBe(0);
  });

  it('rejects choices outside the event catalogue with 422', async () => {
    const event = await createEvent(t.app);
    for (const overrides of [{ role: 'astronaut' }, { interests: ['cooking'] }]) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/events/${event.code}/participants`,
        payload: profile(overrides),
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('not_in_catalogue');
    }
    expect(await count('participants')).toBe(0);
  });

  it('answers 404 for an unknown event', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/events/abcdefgh/participants',
      payload: profile(),
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('own data', () => {
  it('updates profile and presence', async () => {
    const event = await createEvent(t.app);
    const { token } = await join(t.app, event.code);
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: auth(token),
      payload: { organisation: 'Stadt Köln', presence: 'break', interests: ['beschaffung'] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().me).toMatchObject({
      organisation: 'Stadt Köln',
      presence: 'break',
      interests: ['beschaffung'],
    });
    const bad = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: auth(token),
      payload: { presence: 'absent' },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('erases own data at any time', async () => {
    const event = await createEvent(t.app);
    const { token } = await join(t.app, event.code, { displayName: 'Erase Me' });
    expect((await t.app.inject({ method: 'DELETE', url: '/api/me', headers: auth(token) })).statusCode).toBe(
      204,
    );
    expect(await count('participants')).toBe(0);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: auth(token) })).statusCode).toBe(
      401,
    );
  });

  it('refuses missing and unknown tokens', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: auth('x'.repeat(32)) })).statusCode,
    ).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: 'Basic abc' } }))
        .statusCode,
    ).toBe(401);
  });

  it('shows contacts of people met, only after the event and only when both chose to share', async () => {
    const event = await createEvent(t.app, { tables: { count: 1, seats: 4 } });
    const a = await join(t.app, event.code, {
      displayName: 'A',
      contact: 'a@example.org',
      shareContact: true,
    });
    await join(t.app, event.code, { displayName: 'B', contact: 'https://b.example.org', shareContact: true });
    await join(t.app, event.code, { displayName: 'C', contact: 'c@example.org', shareContact: false });
    const d = await join(t.app, event.code, { displayName: 'D', shareContact: false });
    await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/rounds`,
      headers: auth(event.moderator),
    });
    const early = await t.app.inject({ method: 'GET', url: '/api/me/contacts', headers: auth(a.token) });
    expect(early.statusCode).toBe(409);
    await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/finish`,
      headers: auth(event.moderator),
    });
    const contacts = (
      await t.app.inject({ method: 'GET', url: '/api/me/contacts', headers: auth(a.token) })
    ).json();
    expect(contacts.contacts).toEqual([
      { name: 'B', organisation: expect.any(String), contact: 'https://b.example.org' },
    ]);
    const vcf = await t.app.inject({ method: 'GET', url: '/api/me/contacts.vcf', headers: auth(a.token) });
    expect(vcf.headers['content-type']).toContain('text/vcard');
    expect(vcf.body).toContain('BEGIN:VCARD');
    expect(vcf.body).toContain('URL:https://b.example.org');
    const none = (
      await t.app.inject({ method: 'GET', url: '/api/me/contacts', headers: auth(d.token) })
    ).json();
    expect(none.contacts).toEqual([]);
  });
});
