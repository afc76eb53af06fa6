import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { endRoundIfDue } from '../../src/commands/rounds.js';
import { auth, type CreatedEvent, createEvent, eventIdOf, join } from '../helpers/api.js';
import { createTestApp, sqliteOf, type TestApp } from '../helpers/app.js';

let t: TestApp;
let event: CreatedEvent;
let id: string;
beforeEach(async () => {
  t = await createTestApp();
  event = await createEvent(t.app, { tables: { count: 2, seats: 4 }, minutesPerRound: 10 });
  id = eventIdOf(t.app, event.code);
  for (let i = 0; i < 8; i++) await join(t.app, event.code, { organisation: `Org ${i % 4}` });
});
afterEach(async () => t.close());

const startRound = async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/events/${event.code}/rounds`,
    headers: auth(event.moderator),
  });
  expect(res.statusCode).toBe(201);
};
const row = <T>(query: string) => sqliteOf(t.app).reader.prepare(query).get(id) as T;
const version = () => row<{ version: number }>('select version from events where id = ?').version;
const autoEnds = () =>
  row<{ n: number }>(
    "select count(*) as n from moderator_actions where event_id = ? and action = 'auto_end_round'",
  ).n;
const liveRounds = () =>
  row<{ n: number }>("select count(*) as n from rounds where event_id = ? and status = 'live'").n;

// Every timer that knows the round may fire (a restart re-arms it, and on several replicas each one
// has its own): the end must commit once, whoever comes first.
describe('the round-end timer', () => {
  it('ends a due round once when it fires twice', async () => {
    await startRound();
    t.clock.advance(10 * 60_000 + 1);
    const before = version();
    expect(await Promise.all([endRoundIfDue(t.app, id), endRoundIfDue(t.app, id)])).toEqual([true, false]);
    expect(version()).toBe(before + 1);
    expect(autoEnds()).toBe(1);
    expect(liveRounds()).toBe(0);
  });

  it('changes nothing when it fires before the end', async () => {
    await startRound();
    t.clock.advance(10 * 60_000 - 1);
    const before = version();
    expect(await endRoundIfDue(t.app, id)).toBe(false);
    expect(version()).toBe(before);
    expect(liveRounds()).toBe(1);
  });

  it('does not end the next round when a stale one fires after it started', async () => {
    await startRound();
    t.clock.advance(10 * 60_000 + 1);
    expect(await endRoundIfDue(t.app, id)).toBe(true);
    await startRound();
    const before = version();
    expect(await endRoundIfDue(t.app, id)).toBe(false);
    expect(version()).toBe(before);
    expect(liveRounds()).toBe(1);
  });
});
