import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { endRoundIfDue } from '../../src/commands/rounds.js';
import { auth, type CreatedEvent, createEvent, eventIdOf, join } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { count, row } from '../helpers/rows.js';

let t: TestApp;
let event: CreatedEvent;
let id: string;
beforeEach(async () => {
  t = await createTestApp();
  event = await createEvent(t.app, { tables: { count: 2, seats: 4 }, minutesPerRound: 10 });
  id = await eventIdOf(t.app, event.code);
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
  // The start's re-plan, once stored, is a change that re-arms the round's timer against the clock:
  // it must land before a test moves the clock past the end, or that timer ends the round first.
  await t.app.planner.whenIdle();
};
const version = async () =>
  (await row<{ version: number }>(t.app, 'select version from events where id = ?', id))!.version;
const autoEnds = () =>
  count(
    t.app,
    "select count(*) as n from moderator_actions where event_id = ? and action = 'auto_end_round'",
    id,
  );
const liveRounds = () =>
  count(t.app, "select count(*) as n from rounds where event_id = ? and status = 'live'", id);

// Every timer that knows the round may fire (a restart re-arms it, and on several replicas each one
// has its own): the end must commit once, whoever comes first.
describe('the round-end timer', () => {
  it('ends a due round once when it fires twice', async () => {
    await startRound();
    t.clock.advance(10 * 60_000 + 1);
    const before = await version();
    // Which one commits first is the store's to decide (PostgreSQL's lock grants no order): one of them.
    const ended = await Promise.all([endRoundIfDue(t.app, id), endRoundIfDue(t.app, id)]);
    expect(ended.filter(Boolean)).toHaveLength(1);
    expect(await version()).toBe(before + 1);
    expect(await autoEnds()).toBe(1);
    expect(await liveRounds()).toBe(0);
  });

  it('changes nothing when it fires before the end', async () => {
    await startRound();
    t.clock.advance(10 * 60_000 - 1);
    const before = await version();
    expect(await endRoundIfDue(t.app, id)).toBe(false);
    expect(await version()).toBe(before);
    expect(await liveRounds()).toBe(1);
  });

  it('does not end the next round when a stale one fires after it started', async () => {
    await startRound();
    t.clock.advance(10 * 60_000 + 1);
    expect(await endRoundIfDue(t.app, id)).toBe(true);
    await startRound();
    const before = await version();
    expect(await endRoundIfDue(t.app, id)).toBe(false);
    expect(await version()).toBe(before);
    expect(await liveRounds()).toBe(1);
  });
});
