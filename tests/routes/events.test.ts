import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auth, createEvent, join } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { count, row } from '../helpers/rows.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

describe('POST /api/events', () => {
  it('creates an event with secrets and links', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/events',
      payload: { title: 'Frühstück', tables: { count: 3, seats: 5 }, language: 'en', minutesPerRound: 7 },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.code).toMatch(/^[a-z0-9]{8}$/);
    expect(body.moderator.length).toBeGreaterThanOrEqual(21);
    expect(body.screen.length).toBeGreaterThanOrEqual(21);
    expect(body.links.join).toBe(`http://127.0.0.1:3999/j/${body.code}`);
    expect(body.links.moderator).toBe(`http://127.0.0.1:3999/m/${body.code}#${body.moderator}`);
    expect(body.links.screen).toBe(`http://127.0.0.1:3999/s/${body.code}#${body.screen}`);
  });

  it('stores secrets only as SHA-256 hashes', async () => {
    const event = await createEvent(t.app);
    const stored = (await row(t.app, 'select * from events'))!;
    const dump = JSON.stringify(stored);
    expect(dump).not.toContain(event.moderator);
    expect(dump).not.toContain(event.screen);
    expect(stored.moderator_token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts a labelled table list with topics and hosts', async () => {
    const event = await createEvent(t.app, {
      tables: [
        {
          label: 'Governance',
          seats: 6,
          topic: 'governance',
          host: { displayName: 'Host A', role: 'community', stage: 4 },
        },
        { label: 'B', seats: 4 },
      ],
    });
    const state = (
      await t.app.inject({
        method: 'GET',
        url: `/api/events/${event.code}/state`,
        headers: auth(event.moderator),
      })
    ).json();
    expect(state.tables).toHaveLength(2);
    expect(state.tables[0]).toMatchObject({ label: 'Governance', seats: 6, topic: 'governance' });
    const host = state.participants.find((p: { id: string }) => p.id === state.tables[0].hostParticipantId);
    expect(host.displayName).toBe('Host A');
  });

  it.each([
    [{}, 'title'],
    [{ title: '', tables: { count: 2, seats: 4 } }, 'title'],
    [{ title: 'x', tables: { count: 0, seats: 4 } }, 'tables'],
    [{ title: 'x', tables: { count: 2, seats: 1 } }, 'tables'],
    [{ title: 'x', tables: { count: 2, seats: 4 }, language: 'fr' }, 'language'],
    [{ title: 'x', tables: { count: 2, seats: 4 }, minutesPerRound: 0 }, 'minutesPerRound'],
    [{ title: 'x', tables: { count: 2, seats: 4 }, surprise: 1 }, ''],
  ])('rejects %j with 400', async (payload, field) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/events', payload });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.message).toContain(field);
    expect(await count(t.app, 'select count(*) n from events')).toBe(0);
  });

  it('rejects a topic outside the catalogue with 422', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/events',
      payload: { title: 'x', tables: [{ label: 'A', seats: 4, topic: 'cooking' }] },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('not_in_catalogue');
  });

  it('rejects malformed JSON and wrong content types without a 500', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/events',
      headers: { 'content-type': 'application/json' },
      payload: '{"title":',
    });
    expect(bad.statusCode).toBe(400);
    const text = await t.app.inject({
      method: 'POST',
      url: '/api/events',
      headers: { 'content-type': 'application/xml' },
      payload: 'hello',
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBeTypeOf('string');
  });

  it('refuses bodies over the limit with 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/events',
      payload: { title: 'x'.repeat(100_000), tables: { count: 2, seats: 4 } },
    });
    expect(res.statusCode).toBe(413);
  });

  it('needs the admin token when one is configured', async () => {
    const guarded = await createTestApp({ ADMIN_TOKEN: 'a-long-admin-token' });
    try {
      const payload = { title: 'x', tables: { count: 2, seats: 4 } };
      expect((await guarded.app.inject({ method: 'POST', url: '/api/events', payload })).statusCode).toBe(
        401,
      );
      const wrong = await guarded.app.inject({
        method: 'POST',
        url: '/api/events',
        payload,
        headers: auth('wrong-token-here'),
      });
      expect(wrong.statusCode).toBe(401);
      const ok = await guarded.app.inject({
        method: 'POST',
        url: '/api/events',
        payload,
        headers: auth('a-long-admin-token'),
      });
      expect(ok.statusCode).toBe(201);
    } finally {
      await guarded.close();
    }
  });
});

describe('public event info', () => {
  it('shows title, language, catalogue, status, count and join state', async () => {
    const event = await createEvent(t.app);
    const res = await t.app.inject({ method: 'GET', url: `/api/events/${event.code}` });
    expect(res.statusCode).toBe(200);
    const info = res.json();
    expect(info).toMatchObject({
      retentionDays: 7,
      code: event.code,
      title: 'Netzwerkfrühstück',
      language: 'de',
      status: 'active',
      phase: 'lobby',
      joinOpen: true,
      participantCount: 0,
    });
    expect(info.catalogue.roles.map((r: { key: string }) => r.key)).toContain('verwaltung');
    expect(info.catalogue.interests).toHaveLength(10);
    for (const interest of info.catalogue.interests) {
      expect(interest.starters.de.length).toBeGreaterThanOrEqual(2);
      expect(interest.starters.en.length).toBeGreaterThanOrEqual(2);
    }
    expect(JSON.stringify(info)).not.toContain(event.moderator);
  });

  it('serves the join link as a QR SVG', async () => {
    const event = await createEvent(t.app);
    const res = await t.app.inject({ method: 'GET', url: `/api/events/${event.code}/qr.svg` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('image/svg+xml');
    expect(res.body).toContain('<svg');
  });

  it('answers 404 for unknown events and 400 for malformed codes', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/events/zzzzzzzz' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/events/NOT%20A%20CODE' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/nothing-here' })).json().error.code).toBe(
      'not_found',
    );
  });
});

describe('moderator settings, finish and erase', () => {
  it('changes settings and pauses joining', async () => {
    const event = await createEvent(t.app);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/events/${event.code}`,
      headers: auth(event.moderator),
      payload: { title: 'Neuer Titel', joinOpen: false, minutesPerRound: 12, tables: { count: 6, seats: 5 } },
    });
    expect(res.statusCode).toBe(200);
    const info = (await t.app.inject({ method: 'GET', url: `/api/events/${event.code}` })).json();
    expect(info).toMatchObject({ title: 'Neuer Titel', joinOpen: false });
    const join = await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/participants`,
      payload: { displayName: 'Late', role: 'verwaltung', stage: 1, privacyAccepted: true },
    });
    expect(join.statusCode).toBe(409);
    expect(join.json().error.code).toBe('join_closed');
  });

  it('finishes and then refuses rounds', async () => {
    const event = await createEvent(t.app);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/events/${event.code}/finish`,
          headers: auth(event.moderator),
        })
      ).statusCode,
    ).toBe(200);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/finish`,
      headers: auth(event.moderator),
    });
    expect(again.statusCode).toBe(409);
    const start = await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/rounds`,
      headers: auth(event.moderator),
    });
    expect(start.json().error.code).toBe('event_finished');
  });

  it('erases the whole event', async () => {
    const event = await createEvent(t.app);
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/events/${event.code}`,
      headers: auth(event.moderator),
    });
    expect(res.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/api/events/${event.code}` })).statusCode).toBe(404);
    expect(await count(t.app, 'select count(*) n from event_tables')).toBe(0);
  });

  it('issues a new screen link on request and retires the old one', async () => {
    const event = await createEvent(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/screen-link`,
      headers: auth(event.moderator),
    });
    expect(res.statusCode).toBe(200);
    const { screen, link } = res.json();
    expect(link).toBe(`http://127.0.0.1:3999/s/${event.code}#${screen}`);
    const old = await t.app.inject({
      method: 'GET',
      url: `/api/events/${event.code}/screen`,
      headers: auth(event.screen),
    });
    expect(old.statusCode).toBe(403);
    const fresh = await t.app.inject({
      method: 'GET',
      url: `/api/events/${event.code}/screen`,
      headers: auth(screen),
    });
    expect(fresh.statusCode).toBe(200);
    const byScreen = await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/screen-link`,
      headers: auth(screen),
    });
    expect(byScreen.statusCode).toBe(403);
  });

  it('changes the table layout by id after rounds: rename, reorder, remove an unused table', async () => {
    const event = await createEvent(t.app, {
      tables: [
        { label: 'A', seats: 4 },
        { label: 'B', seats: 4 },
        { label: 'C', seats: 4 },
      ],
    });
    for (let i = 0; i < 3; i++) await join(t.app, event.code);
    const headers = auth(event.moderator);
    await t.app.inject({ method: 'POST', url: `/api/events/${event.code}/rounds`, headers });
    await t.app.inject({ method: 'POST', url: `/api/events/${event.code}/rounds/current/end`, headers });
    const before = (
      await t.app.inject({ method: 'GET', url: `/api/events/${event.code}/state`, headers })
    ).json();
    const [a, b, c] = before.tables as { id: number; label: string; usedInRounds: boolean }[];
    expect(a!.usedInRounds).toBe(true);
    expect(b!.usedInRounds).toBe(false);
    const patch = (tables: unknown) =>
      t.app.inject({ method: 'PATCH', url: `/api/events/${event.code}`, headers, payload: { tables } });
    const refused = await patch([{ id: b!.id, label: 'B', seats: 4 }]);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('table_in_use');
    const ok = await patch([
      { id: c!.id, label: 'C', seats: 6 },
      { id: a!.id, label: 'Fenster', seats: 4, topic: 'lizenzen' },
    ]);
    expect(ok.statusCode).toBe(200);
    const after = (
      await t.app.inject({ method: 'GET', url: `/api/events/${event.code}/state`, headers })
    ).json();
    expect(after.tables.map((x: { label: string; seats: number }) => `${x.label}/${x.seats}`)).toEqual([
      'C/6',
      'Fenster/4',
    ]);
    const plan = (
      await t.app.inject({ method: 'GET', url: `/api/events/${event.code}/plan`, headers })
    ).json();
    expect(plan.rounds[0].seating.every((s: { table: string }) => s.table === 'Fenster')).toBe(true);
  });
});
