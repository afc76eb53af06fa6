import { afterEach, describe, expect, it, vi } from 'vitest';
import { auth, type CreatedEvent, createEvent, join, moderatorState } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { flatSeating } from '../helpers/seating.js';

// Bounded work, not a time limit: a busy machine may take minutes over the whole evening.
const EVENING = { timeout: 600_000 };

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

const mod = (event: CreatedEvent, method: 'GET' | 'POST' | 'PATCH', path: string, payload?: object) =>
  t.app.inject({ method, url: `/api/events/${event.code}${path}`, headers: auth(event.moderator), payload });

/** The console's picture of the plan, once the planner has caught up with the room. */
async function currentPlan(event: CreatedEvent) {
  return vi.waitFor(
    async () => {
      const state = await moderatorState(t.app, event);
      if (!state.plan?.current) throw new Error('plan not current yet');
      return state;
    },
    { timeout: 300_000, interval: 50 },
  );
}

/** Pairs that met more than once over the played rounds. */
function repeatsOf(rounds: Parameters<typeof flatSeating>[0][]): number {
  const met = new Map<string, number>();
  for (const round of rounds) {
    const byTable = new Map<number, string[]>();
    for (const s of flatSeating(round))
      byTable.set(s.tableId, [...(byTable.get(s.tableId) ?? []), s.participantId]);
    for (const ids of byTable.values())
      for (let i = 0; i < ids.length; i++)
        for (let j = i + 1; j < ids.length; j++) {
          const key = [ids[i], ids[j]].sort().join(' ');
          met.set(key, (met.get(key) ?? 0) + 1);
        }
  }
  return [...met.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
}

/** Runs every planned round the way a moderator does: wait for the plan, start, end. */
async function playEvening(event: CreatedEvent, rounds: number) {
  for (let r = 0; r < rounds; r++) {
    await currentPlan(event);
    expect((await mod(event, 'POST', '/rounds')).statusCode).toBe(201);
    expect((await mod(event, 'POST', '/rounds/current/end')).statusCode).toBe(200);
  }
  return moderatorState(t.app, event);
}

async function room(people: number, tables: { count: number; seats: number }, plannedRounds: number) {
  t = await createTestApp();
  const event = await createEvent(t.app, { tables, plannedRounds });
  for (let i = 0; i < people; i++) await join(t.app, event.code, { organisation: null, interests: [] });
  return event;
}

describe('the forward plan, round by round through the API', () => {
  it('gives Kirkman 15 at 5 × 3 seven rounds without a repeat', EVENING, async () => {
    const event = await room(15, { count: 5, seats: 3 }, 7);
    const final = await playEvening(event, 7);
    expect(final.rounds).toHaveLength(7);
    expect(repeatsOf(final.rounds)).toBe(0);
    expect(final.metrics.maxMeetings).toBe(1);
  });

  it('gives 32 people at 8 × 4 ten rounds without a repeat', EVENING, async () => {
    const event = await room(32, { count: 8, seats: 4 }, 10);
    const final = await playEvening(event, 10);
    expect(final.rounds).toHaveLength(10);
    expect(repeatsOf(final.rounds)).toBe(0);
  });

  it('prints every planned round before round 1, marked as planned', EVENING, async () => {
    const event = await room(12, { count: 3, seats: 4 }, 4);
    await currentPlan(event);
    const plan = (await mod(event, 'GET', '/plan')).json();
    expect(plan.rounds.map((r: { number: number; planned: boolean }) => [r.number, r.planned])).toEqual([
      [1, true],
      [2, true],
      [3, true],
      [4, true],
    ]);
    for (const round of plan.rounds) expect(round.seating).toHaveLength(12);
    expect(plan.tables).toHaveLength(3);
    expect(plan.tables[0].rounds[0].names.length).toBeGreaterThan(0);
  });

  it('commits exactly what the preview showed, and keeps the rest of the plan', EVENING, async () => {
    const event = await room(12, { count: 3, seats: 4 }, 3);
    await currentPlan(event);
    const preview = (await mod(event, 'GET', '/preview')).json();
    expect(preview.plannedRounds).toBe(3);
    expect((await mod(event, 'POST', '/rounds')).statusCode).toBe(201);
    const state = await moderatorState(t.app, event);
    const names = new Map(
      state.participants.map((p: { id: string; displayName: string }) => [p.id, p.displayName]),
    );
    const labels = new Map(state.tables.map((x: { id: number; label: string }) => [x.id, x.label]));
    const seated = state.tables.map((x: { id: number; label: string }) => ({
      label: x.label,
      people: flatSeating(state.rounds[0])
        .filter((s: { tableId: number }) => s.tableId === x.id)
        .map((s: { participantId: string }) => names.get(s.participantId)),
    }));
    expect(seated.map((s: { people: string[] }) => [...s.people].sort())).toEqual(
      preview.tables.map((x: { people: string[] }) => [...x.people].sort()),
    );
    expect(labels.size).toBe(3);
    // The rest of the plan still fits the room: it stays current without any re-plan.
    expect(state.plan).toMatchObject({ current: true, rounds: 2, firstRound: 2 });
  });

  it('seats a person who joined while the plan was made, and nobody absent', EVENING, async () => {
    const event = await room(10, { count: 4, seats: 4 }, 4);
    const before = await currentPlan(event);
    const late = await join(t.app, event.code);
    const away = before.participants[0].id;
    await mod(event, 'PATCH', `/participants/${away}`, { presence: 'absent' });
    // Started at once: the start waits for a plan of the room as it is now.
    expect((await mod(event, 'POST', '/rounds')).statusCode).toBe(201);
    const state = await moderatorState(t.app, event);
    const seated = flatSeating(state.rounds[0]).map((s) => s.participantId);
    expect(seated).toContain(late.participantId);
    expect(seated).not.toContain(away);
    expect(seated).toHaveLength(10);
  });

  it('keeps the plan across a restart: the same next round', EVENING, async () => {
    const event = await room(12, { count: 3, seats: 4 }, 3);
    await currentPlan(event);
    const preview = (await mod(event, 'GET', '/preview')).json();
    await t.restart();
    const state = await moderatorState(t.app, event);
    expect(state.plan.current).toBe(true);
    expect((await mod(event, 'GET', '/preview')).json().tables).toEqual(preview.tables);
  });
});
