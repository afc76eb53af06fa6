import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventState } from '../../src/domain/event-state.js';
import { currentPlan } from '../../src/domain/forward-plan.js';
import { committedState, loadEventState } from '../../src/repositories/event-state.js';
import { auth, createEvent, eventIdOf, profile } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

/**
 * Commands start from the committed state kept for readers (sockets, previews, the planner), and a
 * start keeps the state it leaves. This plays an evening of every command that seats, moves or
 * measures, and after each one checks that the state readers held was not changed under them, and
 * that what is kept equals a fresh read, seats in the same order.
 */
describe('the committed state commands start from', () => {
  it('is never changed by a command, and is what a fresh read gives', async () => {
    const event = await createEvent(t.app, { tables: { count: 4, seats: 4 } });
    const eventId = await eventIdOf(t.app, event.code);
    const call = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
      t.app.inject({
        method,
        url: `/api/events/${event.code}${url}`,
        payload,
        headers: auth(event.moderator),
      });
    const fresh = async () => (await loadEventState(t.app.db, eventId))!;

    const walkIn = () => {
      const { privacyAccepted: _, ...person } = profile();
      return call('POST', '/walk-ins', person);
    };
    // 4 tables of 4: 13 seated at the start; walk-ins and people back from a break are seated at once.
    const steps: [string, number, (state: EventState) => ReturnType<typeof call>][] = [
      ['rehearsal', 201, () => call('POST', '/rehearsal', { count: 13, seed: 7 })],
      ['start', 201, () => call('POST', '/rounds')],
      ['move with a swap', 200, (s) => moveWithSwap(s, call)],
      ['walk-in seated at once', 201, walkIn],
      ['a break', 200, (s) => call('PATCH', `/participants/${s.participants[0]!.id}`, { presence: 'break' })],
      ['back', 200, (s) => call('PATCH', `/participants/${s.participants[0]!.id}`, { presence: 'present' })],
      ['walk-in', 201, walkIn],
      ['walk-in filling the room', 201, walkIn],
      ['a walk-in beyond the seats', 201, walkIn],
      ['erase someone seated', 204, (s) => call('DELETE', `/participants/${s.participants[2]!.id}`)],
      ['extend', 200, () => call('POST', '/rounds/current/extend', { minutes: 2 })],
      ['end', 200, () => call('POST', '/rounds/current/end')],
      ['second start', 201, () => call('POST', '/rounds')],
      ['another move', 200, (s) => moveWithSwap(s, call)],
    ];
    for (const [name, status, step] of steps) {
      const held = (await committedState(t.app.db, eventId))!;
      const before = structuredClone(held);
      const res = await step(held);
      expect([name, res.statusCode]).toEqual([name, status]);
      expect(held, `${name}: the state readers hold`).toEqual(before);
      const kept = (await committedState(t.app.db, eventId))!;
      const read = await fresh();
      expect(kept, `${name}: kept vs fresh`).toEqual(read);
      // Maps compare regardless of order; the views list seats in the order they were read.
      const seatOrder = (s: EventState) => s.rounds.map((r) => [...r.seats]);
      expect(seatOrder(kept), `${name}: seat order`).toEqual(seatOrder(read));
      // A start keeps the rest of the plan under the basis of the room it leaves: still current.
      if (name.endsWith('start')) expect(currentPlan(read), `${name}: plan current`).not.toBeNull();
    }
    // Everyone left in the room (13 + 4 walk-ins − 1 erased) had a seat in the first round.
    const last = await fresh();
    expect(last.rounds).toHaveLength(2);
    expect(last.rounds[0]!.seats.size).toBe(16);
  });
});

/**
 * Joins carry the state forward too: before a round from the state kept for readers, in a live round
 * (where each newcomer is seated at once) from the state a command starts from; what they keep is
 * what a fresh read gives, so neither the push nor the next batch reads the whole event again.
 */
describe('the state joins leave', () => {
  it('is kept without a read, never changes what readers hold, and is what a fresh read gives', async () => {
    const event = await createEvent(t.app, { tables: { count: 3, seats: 4 } });
    const eventId = await eventIdOf(t.app, event.code);
    const join = () =>
      t.app.inject({ method: 'POST', url: `/api/events/${event.code}/participants`, payload: profile() });
    const moderator = (url: string, payload?: object) =>
      t.app.inject({
        method: 'POST',
        url: `/api/events/${event.code}${url}`,
        payload,
        headers: auth(event.moderator),
      });
    const severalAtOnce = async () => {
      const answers = await Promise.all([join(), join(), join()]);
      return answers.find((a) => a.statusCode !== 201) ?? answers[0]!;
    };
    // [step, status, whether the joins carried the state forward rather than reading it]
    const steps: [string, number, () => ReturnType<typeof join>, boolean][] = [
      ['rehearsal', 201, () => moderator('/rehearsal', { count: 6, seed: 3 }), false],
      ['a join before the first round', 201, join, true],
      ['start', 201, () => moderator('/rounds'), false],
      ['a join seated at once', 201, join, true],
      ['three at once, each seated', 201, severalAtOnce, true],
      ['end', 200, () => moderator('/rounds/current/end'), false],
      ['a join between rounds', 201, join, true],
      ['second start', 201, () => moderator('/rounds'), false],
      ['three more at once, above the seats (nobody alone)', 201, severalAtOnce, true],
    ];
    for (const [name, status, step, carried] of steps) {
      const held = (await committedState(t.app.db, eventId))!;
      const before = structuredClone(held);
      const res = await step();
      expect([name, res.statusCode]).toEqual([name, status]);
      expect(held, `${name}: the state readers hold`).toEqual(before);
      const kept = (await committedState(t.app.db, eventId))!;
      // Carried forward, the tables are the very list held before; a read would have made a new one.
      if (carried) expect(kept.tables, `${name}: carried forward`).toBe(held.tables);
      const read = (await loadEventState(t.app.db, eventId))!;
      expect(kept, `${name}: kept vs fresh`).toEqual(read);
      expect(
        kept.rounds.map((r) => [...r.seats]),
        `${name}: seat order`,
      ).toEqual(read.rounds.map((r) => [...r.seats]));
      expect(
        kept.participants.map((p) => p.id),
        `${name}: participant order`,
      ).toEqual(read.participants.map((p) => p.id));
    }
    // 6 + 1 before the rounds, 4 seated late in the first (11 of 12 seats); 1 between; 3 late in the
    // second, when its 12 seats are taken: at tables in use, above their seats.
    const last = (await loadEventState(t.app.db, eventId))!;
    expect(last.participants).toHaveLength(15);
    expect(last.rounds[0]!.seats.size).toBe(11);
    expect(last.rounds[1]!.seats.size).toBe(15);
  });
});

/** Moves the first seated person to another table, swapping with someone there. */
function moveWithSwap<R>(state: EventState, call: (method: 'POST', url: string, payload: object) => R): R {
  const seats = [...state.rounds.at(-1)!.seats];
  const [who, from] = seats[0]!;
  const [other, to] = seats.find(([, table]) => table !== from)!;
  return call('POST', '/rounds/current/moves', { participantId: who, tableId: to, swapWith: other });
}
