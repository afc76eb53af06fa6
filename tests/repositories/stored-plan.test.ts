import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentPlan } from '../../src/domain/forward-plan.js';
import { loadEventState } from '../../src/repositories/event-state.js';
import { auth, createEvent, eventIdOf, join } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { row } from '../helpers/rows.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

describe('a start counts the stored plan on instead of writing its rest again', () => {
  it('keeps the row, reads the rounds after the started ones, and an erasure writes it whole', async () => {
    const event = await createEvent(t.app, { tables: { count: 3, seats: 4 }, plannedRounds: 4 });
    const people = [];
    for (let i = 0; i < 11; i++) people.push(await join(t.app, event.code, { organisation: `Org ${i % 4}` }));
    await t.app.planner.whenIdle();
    const eventId = await eventIdOf(t.app, event.code);
    // The rounds as JSON text on both stores (jsonb on PostgreSQL).
    const plan = async () =>
      (await row<{ rounds: string; played: number; basis: string }>(
        t.app,
        'select cast(rounds as text) as rounds, played, basis_key as basis from plans where event_id = ?',
        eventId,
      ))!;
    const post = (url: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/events/${event.code}${url}`,
        headers: auth(event.moderator),
      });

    const stored = await plan();
    expect(stored.played).toBe(0);
    const planned = JSON.parse(stored.rounds) as unknown[];
    expect(planned).toHaveLength(4);
    const before = currentPlan((await loadEventState(t.app.db, eventId))!)!;

    expect((await post('/rounds')).statusCode).toBe(201);
    const once = await plan();
    expect(once.rounds).toBe(stored.rounds);
    expect(once.played).toBe(1);
    expect(once.basis).not.toBe(stored.basis);
    // A fresh read holds the rest of the plan, and it is current for the room after the start.
    const rest = currentPlan((await loadEventState(t.app.db, eventId))!);
    expect(rest).toEqual(before.slice(1));

    expect((await post('/rounds/current/end')).statusCode).toBe(200);
    expect((await post('/rounds')).statusCode).toBe(201);
    expect((await plan()).played).toBe(2);
    expect(currentPlan((await loadEventState(t.app.db, eventId))!)).toEqual(before.slice(2));

    // The erasure writes the plan without the person: the started rounds go, none is counted.
    const gone = people[0]!.participantId;
    expect((await plan()).rounds).toContain(gone);
    const erased = await t.app.inject({ method: 'DELETE', url: '/api/me', headers: auth(people[0]!.token) });
    expect(erased.statusCode).toBe(204);
    const after = await plan();
    expect(after.played).toBe(0);
    expect(after.rounds).not.toContain(gone);
    expect(JSON.parse(after.rounds)).toHaveLength(2);
  });
});
