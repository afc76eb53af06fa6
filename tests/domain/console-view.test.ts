import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type EventState, historyOf, toMatchPerson } from '../../src/domain/event-state.js';
import { moderatorView } from '../../src/domain/views.js';
import { measure } from '../../src/matching/index.js';
import { loadEventState } from '../../src/repositories/event-state.js';
import { auth, createEvent, eventIdOf } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const links = { join: 'http://127.0.0.1/j/x' };
const freshMetrics = (state: EventState) => measure(historyOf(state), state.participants.map(toMatchPerson));

/** Two rounds played by 12 people at 3 tables of 6, read as the views see it. */
async function evening(): Promise<EventState> {
  const event = await createEvent(t.app, { tables: { count: 3, seats: 6 } });
  const headers = auth(event.moderator);
  const url = `/api/events/${event.code}`;
  await t.app.inject({ method: 'POST', url: `${url}/rehearsal`, payload: { count: 12, seed: 3 }, headers });
  for (let i = 0; i < 2; i++) {
    await t.app.inject({ method: 'POST', url: `${url}/rounds`, headers });
    await t.app.inject({ method: 'POST', url: `${url}/rounds/current/end`, headers });
  }
  return (await loadEventState(t.app.db, await eventIdOf(t.app, event.code)))!;
}

describe('the console view of versions that share rows', () => {
  it('keeps the very rows of people whose row and seat did not change, and builds the others', async () => {
    const state = await evening();
    expect(state.rounds).toHaveLength(2);
    const before = moderatorView(state, links);
    const [first, second, ...rest] = state.participants;
    // A join (a new row) and a rename (a new row for the same person) in the next version.
    const renamed = { ...second!, displayName: 'Renamed' };
    const newcomer = { ...first!, id: 'newcomer', displayName: 'New' };
    const after = moderatorView({ ...state, participants: [first!, renamed, ...rest, newcomer] }, links);
    expect(after.participants[0]).toBe(before.participants[0]);
    expect(after.participants[1]).not.toBe(before.participants[1]);
    expect(after.participants[1]!.displayName).toBe('Renamed');
    expect(after.participants.at(-1)!.id).toBe('newcomer');
    for (let i = 2; i < state.participants.length; i++)
      expect(after.participants[i]).toBe(before.participants[i]);
  });

  it("measures the evening again only when a seated person's row, the rounds or the tables changed", async () => {
    const state = await evening();
    const seatedId = [...state.rounds[0]!.seats.keys()][0]!;
    const allSame = {
      ...state,
      participants: state.participants.map((p) => ({ ...p, organisation: 'Same' })),
    };
    const versions: EventState[] = [
      state,
      // Someone new, seated nowhere: the evening is what it was.
      { ...state, participants: [...state.participants, { ...state.participants[0]!, id: 'newcomer' }] },
      // A seated person's new row, then everyone working at one place: colleagues at every table.
      {
        ...state,
        participants: state.participants.map((p) => (p.id === seatedId ? { ...p, displayName: 'R' } : p)),
      },
      allSame,
      // The same rows and rounds, a table gone: the seats at it no longer count.
      { ...allSame, tables: allSame.tables.slice(1) },
    ];
    const seen = versions.map((version) => moderatorView(version, links).metrics);
    for (const [i, version] of versions.entries()) expect(seen[i]).toEqual(freshMetrics(version));
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).not.toBe(seen[1]);
    expect(seen[4]).not.toEqual(seen[3]);
    expect(seen[3]!.sameOrgPairs).toBeGreaterThan(seen[0]!.sameOrgPairs);
  });
});
