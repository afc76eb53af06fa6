import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventState } from '../../src/domain/event-state.js';
import { lateArrivalTable, lateArrivalTables } from '../../src/domain/round-rules.js';
import { loadEventState } from '../../src/repositories/event-state.js';
import { auth, createEvent, eventIdOf } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

/** A live round of 10 at 4 tables of 4 (one of them step-free), read as the rules see it. */
async function liveRoom(): Promise<EventState> {
  const event = await createEvent(t.app, { tables: { count: 4, seats: 4 } });
  const headers = auth(event.moderator);
  const url = `/api/events/${event.code}`;
  await t.app.inject({ method: 'POST', url: `${url}/rehearsal`, payload: { count: 10, seed: 11 }, headers });
  await t.app.inject({ method: 'POST', url: `${url}/rounds`, headers });
  const state = (await loadEventState(t.app.db, await eventIdOf(t.app, event.code)))!;
  return {
    ...state,
    tables: state.tables.map((table, i) => (i === 2 ? { ...table, features: ['step_free'] } : table)),
  };
}

/** Newcomers in the room without a seat: copies of people there, some with wishes. */
function withNewcomers(state: EventState, count: number): { state: EventState; ids: string[] } {
  const newcomers = Array.from({ length: count }, (_, i) => ({
    ...state.participants[i % state.participants.length]!,
    id: `newcomer-${i}`,
    displayName: `Newcomer ${i}`,
    staySeated: i === 3,
    tableNeeds: i === 1 || i === 5 ? (['step_free'] as const).slice() : [],
  }));
  return {
    state: { ...state, participants: [...state.participants, ...newcomers] },
    ids: newcomers.map((p) => p.id),
  };
}

describe('late arrivals seated together', () => {
  it('sit where they would have sat one after the other, and change nothing of the state', async () => {
    const { state, ids } = withNewcomers(await liveRoom(), 9);
    const before = structuredClone(state);
    const together = lateArrivalTables(state, ids).seated;
    expect(state).toEqual(before);

    // One at a time, each seat taken before the next arrives.
    const seats = new Map(state.rounds.at(-1)!.seats);
    const oneByOne = new Map<string, number>();
    for (const id of ids) {
      const now = { ...state, rounds: [...state.rounds.slice(0, -1), { ...state.rounds.at(-1)!, seats }] };
      const table = lateArrivalTable(now, id);
      if (table === null) continue;
      seats.set(id, table);
      oneByOne.set(id, table);
    }
    expect([...together]).toEqual([...oneByOne]);
    // Nobody alone: 19 people for 16 seats all sit, above the seats where needed.
    expect(together.size).toBe(9);
    const stepFree = state.tables[2]!.id;
    for (const id of ['newcomer-1', 'newcomer-5']) expect(together.get(id)).toBe(stepFree);
  });

  it('leaves out who is seated already, away, or unknown', async () => {
    const { state, ids } = withNewcomers(await liveRoom(), 2);
    const seatedAlready = [...state.rounds.at(-1)!.seats.keys()][0]!;
    const away = {
      ...state,
      participants: state.participants.map((p) =>
        p.id === ids[1] ? { ...p, presence: 'break' as const } : p,
      ),
    };
    const found = lateArrivalTables(away, [seatedAlready, ids[1]!, 'nobody', ids[0]!]).seated;
    expect([...found.keys()]).toEqual([ids[0]]);
  });

  it('in batches that carry the room on, sit where one batch of them all would have sat', async () => {
    const { state, ids } = withNewcomers(await liveRoom(), 9);
    const together = lateArrivalTables(state, ids).seated;
    // Three batches, each from the state the one before left and with the room it left.
    const seats = new Map(state.rounds.at(-1)!.seats);
    const inBatches = new Map<string, number>();
    let room = null;
    for (const batch of [ids.slice(0, 2), ids.slice(2, 6), ids.slice(6)]) {
      const now = {
        ...state,
        participants: state.participants.filter(
          (p) => !ids.includes(p.id) || inBatches.has(p.id) || batch.includes(p.id),
        ),
        rounds: [...state.rounds.slice(0, -1), { ...state.rounds.at(-1)!, seats: new Map(seats) }],
      };
      const found = lateArrivalTables(now, batch, room);
      expect(found.room).not.toBeNull();
      room = found.room;
      for (const [id, table] of found.seated) {
        seats.set(id, table);
        inBatches.set(id, table);
      }
    }
    expect([...inBatches]).toEqual([...together]);
  });
});
