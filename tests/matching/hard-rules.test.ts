import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CapacityError,
  type MatchPerson,
  type MatchTable,
  naiveRound,
  planRound,
  planSchedule,
  type Round,
} from '../../src/matching/index.js';
import { person, roomArbitrary, TEST_OPTIONS, tables } from './fixtures.js';

/** Asserts every hard rule of docs/matching.md ("Hard rules") for one round. */
function expectHardRules(round: Round, people: MatchPerson[], roomTables: MatchTable[]): void {
  expect(round).toHaveLength(roomTables.length);
  const present = [...new Set(people.map((p) => p.id))].sort();
  expect(round.flat().sort()).toEqual(present);
  round.forEach((table, t) => {
    expect(table.length).toBeLessThanOrEqual(roomTables[t]!.seats);
  });

  const used = round
    .map((table, t) => ({ size: table.length, seats: roomTables[t]!.seats, t }))
    .filter((x) => x.size > 0);
  // As even as capacities allow: a table two smaller than another is full.
  for (const a of used) for (const b of used) if (a.size < b.size - 1) expect(a.size).toBe(a.seats);
  if (roomTables.every((table) => table.seats === roomTables[0]!.seats) && used.length > 0)
    expect(Math.max(...used.map((u) => u.size)) - Math.min(...used.map((u) => u.size))).toBeLessThanOrEqual(
      1,
    );

  // Hosts stay at their table; a host who is absent changes nothing.
  const ids = new Set(present);
  const hosting = new Set<string>();
  roomTables.forEach((table, t) => {
    if (table.hostId && ids.has(table.hostId) && !hosting.has(table.hostId)) {
      hosting.add(table.hostId);
      expect(round[t]).toContain(table.hostId);
    }
  });

  // Only as many tables as needed: no unhosted used table could be dropped.
  const seatsUsed = used.reduce((sum, u) => sum + u.seats, 0);
  for (const u of used) {
    const hosted = round[u.t]!.some((id) => hosting.has(id) && roomTables[u.t]!.hostId === id);
    if (!hosted && used.length > 1) expect(seatsUsed - u.seats).toBeLessThan(present.length);
  }
  if (present.length > 1) for (const u of used) expect(u.size).toBeGreaterThan(1);
}

describe('hard rules over random rooms', () => {
  it('planRound seats every present person exactly once, within seats, balanced, hosts kept', () => {
    fc.assert(
      fc.property(
        roomArbitrary,
        fc.integer({ min: 0, max: 1000 }),
        ({ people, tables: roomTables, history }, seed) => {
          const round = planRound({
            people,
            tables: roomTables,
            history,
            options: { ...TEST_OPTIONS, seed },
          });
          expectHardRules(round, people, roomTables);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('planSchedule keeps the hard rules in every round', () => {
    fc.assert(
      fc.property(
        roomArbitrary,
        fc.integer({ min: 1, max: 4 }),
        ({ people, tables: roomTables, history }, rounds) => {
          const schedule = planSchedule({
            people,
            tables: roomTables,
            history,
            rounds,
            options: TEST_OPTIONS,
          });
          expect(schedule).toHaveLength(rounds);
          for (const round of schedule) expectHardRules(round, people, roomTables);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('naiveRound obeys the same hard rules', () => {
    fc.assert(
      fc.property(roomArbitrary, ({ people, tables: roomTables, history }) => {
        expectHardRules(
          naiveRound({ people, tables: roomTables, history, options: TEST_OPTIONS }),
          people,
          roomTables,
        );
      }),
      { numRuns: 40 },
    );
  });

  it('same seed, same plan', () => {
    fc.assert(
      fc.property(roomArbitrary, ({ people, tables: roomTables, history }) => {
        const input = { people, tables: roomTables, history, rounds: 3, options: TEST_OPTIONS };
        expect(planSchedule(input)).toEqual(planSchedule(input));
        expect(planRound(input)).toEqual(planRound(input));
      }),
      { numRuns: 15 },
    );
  });

  it('more people than seats is a CapacityError the moderator can act on', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 1, max: 10 }),
        (count, seats, extra) => {
          const people = Array.from({ length: count * seats + extra }, (_, i) => person(`p${i}`));
          const call = () => planRound({ people, tables: tables(count, seats), history: [] });
          expect(call).toThrow(CapacityError);
          try {
            call();
          } catch (error) {
            const capacity = error as CapacityError;
            expect(capacity.code).toBe('not_enough_seats');
            expect(capacity.people).toBe(count * seats + extra);
            expect(capacity.seats).toBe(count * seats);
            expect(capacity.message).toMatch(/add tables/);
          }
          expect(() =>
            planSchedule({ people, tables: tables(count, seats), history: [], rounds: 2 }),
          ).toThrow(CapacityError);
        },
      ),
      { numRuns: 20 },
    );
  });
});
