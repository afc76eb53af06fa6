import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { auth, createEvent, eventIdOf, join } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { count } from '../helpers/rows.js';

const DAY = 86_400_000;
const MINUTE = 60_000;

let t: TestApp;
afterEach(async () => t.close());

/** Rows of every event-owned table that still belong to the event. */
async function traces(app: TestApp['app'], eventId: string) {
  const of = (sql: string) => count(app, sql, eventId);
  return {
    events: await of('select count(*) n from events where id = ?'),
    participants: await of('select count(*) n from participants where event_id = ?'),
    tables: await of('select count(*) n from event_tables where event_id = ?'),
    rounds: await of('select count(*) n from rounds where event_id = ?'),
    assignments: await of(
      'select count(*) n from assignments where round_id in (select id from rounds where event_id = ?)',
    ),
    actions: await of('select count(*) n from moderator_actions where event_id = ?'),
  };
}
const NONE = { events: 0, participants: 0, tables: 0, rounds: 0, assignments: 0, actions: 0 };

async function eventWithRound(app: TestApp['app']) {
  const event = await createEvent(app);
  const tokens: string[] = [];
  for (let i = 0; i < 5; i++) tokens.push((await join(app, event.code)).token);
  const started = await app.inject({
    method: 'POST',
    url: `/api/events/${event.code}/rounds`,
    headers: auth(event.moderator),
  });
  expect(started.statusCode).toBe(201);
  const id = await eventIdOf(app, event.code);
  return { ...event, id, tokens };
}

const finish = (app: TestApp['app'], event: { code: string; moderator: string }) =>
  app.inject({ method: 'POST', url: `/api/events/${event.code}/finish`, headers: auth(event.moderator) });

describe('retention', () => {
  it('erases a finished event RETENTION_DAYS after it finished, and nothing else', async () => {
    t = await createTestApp();
    const old = await eventWithRound(t.app);
    const other = await eventWithRound(t.app);
    expect((await finish(t.app, old)).statusCode).toBe(200);
    t.clock.advance(3 * DAY);
    expect((await finish(t.app, other)).statusCode).toBe(200);
    // A participant's later change does not extend a finished event's life.
    const late = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: auth(old.tokens[0]!),
      payload: { shareContact: true },
    });
    expect(late.statusCode).toBe(200);
    t.clock.advance(4 * DAY - MINUTE);
    expect(await t.app.sweepRetention()).toBe(0);
    expect((await traces(t.app, old.id)).participants).toBe(5);

    t.clock.advance(2 * MINUTE);
    expect(await t.app.sweepRetention()).toBe(1);
    expect(await traces(t.app, old.id)).toEqual(NONE);
    expect((await t.app.inject({ method: 'GET', url: `/api/events/${old.code}` })).statusCode).toBe(404);
    expect((await traces(t.app, other.id)).participants).toBe(5);

    t.clock.advance(3 * DAY);
    expect(await t.app.sweepRetention()).toBe(1);
    expect(await traces(t.app, other.id)).toEqual(NONE);
  });

  it('sweeps at start: an expired event is gone after a restart', async () => {
    t = await createTestApp();
    const event = await eventWithRound(t.app);
    expect((await finish(t.app, event)).statusCode).toBe(200);
    t.clock.advance(7 * DAY + MINUTE);
    const app = await t.restart();
    expect(await traces(app, event.id)).toEqual(NONE);
  });

  it('erases an unfinished event RETENTION_DAYS after its last change', async () => {
    t = await createTestApp();
    const event = await eventWithRound(t.app);
    t.clock.advance(5 * DAY);
    // A join is a change: the clock starts again from here.
    await join(t.app, event.code);
    t.clock.advance(7 * DAY - MINUTE);
    expect(await t.app.sweepRetention()).toBe(0);
    expect((await traces(t.app, event.id)).participants).toBe(6);
    t.clock.advance(2 * MINUTE);
    expect(await t.app.sweepRetention()).toBe(1);
    expect(await traces(t.app, event.id)).toEqual(NONE);
  });

  it('follows RETENTION_DAYS', async () => {
    t = await createTestApp({ RETENTION_DAYS: '2' });
    const event = await eventWithRound(t.app);
    expect((await finish(t.app, event)).statusCode).toBe(200);
    t.clock.advance(2 * DAY - MINUTE);
    expect(await t.app.sweepRetention()).toBe(0);
    t.clock.advance(2 * MINUTE);
    expect(await t.app.sweepRetention()).toBe(1);
    expect(await traces(t.app, event.id)).toEqual(NONE);
  });

  it('refuses RETENTION_DAYS above 30', async () => {
    expect(() => loadConfig({ RETENTION_DAYS: '31' })).toThrow(/RETENTION_DAYS/);
    expect(loadConfig({}).RETENTION_DAYS).toBe(7);
    t = await createTestApp();
  });
});
