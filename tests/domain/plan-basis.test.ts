import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planBasis } from '../../src/domain/forward-plan.js';
import { committedState, loadEventState } from '../../src/repositories/event-state.js';
import { auth, createEvent, eventIdOf, join } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

/**
 * The basis is worked out once per state and per ended round and shared by the readers of one
 * version; these check that what is shared is always what a fresh read of the event gives.
 */
describe('the plan basis a state shares is the one a fresh read gives', () => {
  it('through rounds, a move, a new person and an erasure', async () => {
    const event = await createEvent(t.app, { tables: { count: 3, seats: 4 }, plannedRounds: 4 });
    const people = [];
    for (let i = 0; i < 10; i++) people.push(await join(t.app, event.code, { organisation: `Org ${i % 3}` }));
    const eventId = await eventIdOf(t.app, event.code);
    const post = (url: string, payload?: object, secret = event.moderator) =>
      t.app.inject({
        method: 'POST',
        url: `/api/events/${event.code}${url}`,
        headers: auth(secret),
        payload,
      });
    const seen = new Set<string>();
    /** The shared state's basis (asked twice, as several readers would) against a fresh read's. */
    const agree = async () => {
      const shared = (await committedState(t.app.db, eventId))!;
      const basis = planBasis(shared);
      expect(planBasis(shared)).toBe(basis);
      expect(planBasis((await loadEventState(t.app.db, eventId))!)).toBe(basis);
      seen.add(basis);
      return basis;
    };

    await agree();
    expect((await post('/rounds')).statusCode).toBe(201);
    const afterStart = await agree();
    expect((await post('/rounds/current/end')).statusCode).toBe(200);
    expect(await agree()).toBe(afterStart);
    expect((await post('/rounds')).statusCode).toBe(201);
    await agree();

    // A move changes who met whom in the live round. The planner may fill any table to its four
    // seats, so the move goes to one with a free seat.
    const live = (await committedState(t.app.db, eventId))!.rounds.at(-1)!;
    const seated = [...live.seats.values()];
    const other = [...new Set(seated)].find((table) => seated.filter((at) => at === table).length < 4)!;
    const [who] = [...live.seats].find(([, table]) => table !== other)!;
    expect((await post('/rounds/current/moves', { participantId: who, tableId: other })).statusCode).toBe(
      200,
    );
    await agree();

    // A late arrival is one more person present.
    await join(t.app, event.code);
    await agree();

    // Erasing someone seated in the rounds played takes their seats out of the ended round too.
    expect((await post('/rounds/current/end')).statusCode).toBe(200);
    const beforeErasure = await agree();
    const erased = await t.app.inject({ method: 'DELETE', url: '/api/me', headers: auth(people[0]!.token) });
    expect(erased.statusCode).toBe(204);
    expect(await agree()).not.toBe(beforeErasure);
    expect(seen.size).toBe(6);
  });
});
