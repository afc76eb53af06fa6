import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CapacityError,
  LateArrivals,
  type MatchPerson,
  type MatchTable,
  planRound,
  type Round,
  seatLateArrival,
} from '../../src/matching/index.js';
import { normaliseOrganisation } from '../../src/matching/instance.js';
import { DEFAULT_WEIGHTS, repeatCost } from '../../src/matching/objective.js';
import { person, personArbitrary, roomArbitrary, TEST_OPTIONS, tables } from './fixtures.js';

const people = [
  person('a', { organisation: 'ACME', role: 'verwaltung', interests: ['governance'] }),
  person('b', { organisation: 'Uni', role: 'wirtschaft', interests: ['lizenzen'] }),
  person('c', { organisation: 'Stadt', role: 'verwaltung', interests: ['sicherheit'] }),
  person('d', { organisation: 'OSBA', role: 'community', interests: ['lizenzen'] }),
];

describe('seatLateArrival', () => {
  it('takes a free seat at a used table, avoiding a colleague and someone already met', () => {
    const round = [['a', 'b'], ['c', 'd'], []];
    const colleague = person('z', { organisation: ' acme ' });
    expect(seatLateArrival({ person: colleague, round, tables: tables(3, 4), people, history: [] })).toBe(1);
    const metC = person('y');
    expect(
      seatLateArrival({ person: metC, round, tables: tables(3, 4), people, history: [[['y', 'c']]] }),
    ).toBe(0);
  });

  it('prefers shared interests and the smaller table', () => {
    const round = [['a', 'b', 'c'], ['d'], []];
    const newcomer = person('n', { role: 'politik', interests: ['lizenzen'] });
    expect(seatLateArrival({ person: newcomer, round, tables: tables(3, 5), people, history: [] })).toBe(1);
  });

  it('joins a full table in use rather than sitting alone at an empty one', () => {
    const round = [['a', 'b'], [], ['c', 'd']];
    const t = seatLateArrival({ person: person('n'), round, tables: tables(3, 2), people, history: [] });
    expect([0, 2]).toContain(t);
  });

  it('returns the current table of someone already seated', () => {
    expect(
      seatLateArrival({
        person: people[3]!,
        round: [['a'], ['d']],
        tables: tables(2, 4),
        people,
        history: [],
      }),
    ).toBe(1);
  });

  it('throws a CapacityError when nobody is seated and no table has a seat', () => {
    const call = () =>
      seatLateArrival({ person: person('n'), round: [[], []], tables: tables(2, 0), people, history: [] });
    expect(call).toThrow(CapacityError);
    expect(call).toThrow(/add tables/);
  });

  it('always joins a table in use, at a free seat whenever one has room, moving nobody', () => {
    fc.assert(
      fc.property(roomArbitrary, ({ people, tables: roomTables, history }) => {
        const round = planRound({ people, tables: roomTables, history, options: TEST_OPTIONS });
        const newcomer = person('newcomer', { interests: ['lizenzen'] });
        const free = (t: number) => roomTables[t]!.seats - round[t]!.length;
        const usedWithRoom = round.some((table, t) => table.length > 0 && free(t) > 0);
        const anyoneSeated = round.some((table) => table.length > 0);
        const t = seatLateArrival({ person: newcomer, round, tables: roomTables, people, history });
        if (anyoneSeated) expect(round[t]!.length).toBeGreaterThan(0);
        if (usedWithRoom || !anyoneSeated) expect(free(t)).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });

  it('seats arrivals in a row as the rule seats each one against every seated profile', () => {
    fc.assert(
      fc.property(
        roomArbitrary,
        fc.array(personArbitrary('x'), { minLength: 1, maxLength: 8 }),
        ({ people, tables: roomTables, history }, arrivals) => {
          const newcomers = arrivals.map((a, i) => ({ ...a, id: `new${i}` }) as MatchPerson);
          const everyone = [...people, ...newcomers];
          const round = planRound({ people, tables: roomTables, history, options: TEST_OPTIONS });
          const room = new LateArrivals({ round, tables: roomTables, people: everyone, history });
          // The rule read plainly: every seated profile against the arrival, the round growing by each.
          const seats = round.map((table) => [...table]);
          for (const newcomer of newcomers) {
            let expected: number | 'full';
            try {
              expected = plainRule(newcomer, seats, roomTables, everyone, history);
            } catch (error) {
              if (!(error instanceof CapacityError)) throw error;
              expected = 'full';
            }
            let got: number | 'full';
            try {
              got = room.seat(newcomer);
            } catch (error) {
              if (!(error instanceof CapacityError)) throw error;
              got = 'full';
            }
            expect(got).toBe(expected);
            if (typeof expected === 'number') seats[expected]!.push(newcomer.id);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

/** The late arrival's rule as first written: each seated profile read for each arrival. */
function plainRule(
  person: MatchPerson,
  round: Round,
  tables: MatchTable[],
  people: MatchPerson[],
  history: Round[],
): number {
  const weights = DEFAULT_WEIGHTS;
  const sizeOf = (t: number) => round[t]?.length ?? 0;
  const used = (t: number) => sizeOf(t) > 0;
  const hasRoom = (t: number) => tables[t]!.seats > sizeOf(t);
  const all = tables.map((_, t) => t);
  let candidates = all.filter((t) => used(t) && hasRoom(t));
  if (candidates.length === 0) candidates = all.filter(used);
  if (candidates.length === 0) candidates = all.filter(hasRoom);
  if (candidates.length === 0) throw new CapacityError(0, 0);
  const met = new Map<string, number>();
  for (const earlier of history)
    for (const table of earlier)
      if (table.includes(person.id))
        for (const id of table) if (id !== person.id) met.set(id, (met.get(id) ?? 0) + 1);
  const byId = new Map(people.map((p) => [p.id, p]));
  const org = normaliseOrganisation(person.organisation);
  const interests = new Set(person.interests);
  const smallest = Math.min(...candidates.map(sizeOf));
  const costs = candidates.map((t) => {
    const mates = round[t] ?? [];
    let cost = (weights.sameOrg / 2) * (sizeOf(t) - smallest);
    let shares = false;
    for (const id of mates) {
      cost += repeatCost(met.get(id) ?? 0);
      const profile = byId.get(id);
      if (!profile) continue;
      if (org !== null && normaliseOrganisation(profile.organisation) === org) cost += weights.sameOrg;
      if (person.role && profile.role === person.role) cost += weights.roleMix;
      if (person.stage !== null && profile.stage === person.stage) cost += weights.stageMix;
      if (profile.interests.some((interest) => interests.has(interest))) shares = true;
    }
    const hook = interests.size > 0 && !shares && mates.length > 0 ? weights.interestHook : 0;
    const topic = tables[t]!.topic;
    return cost + hook + (topic && !interests.has(topic) ? weights.topic : 0);
  });
  // The first of the cheapest.
  return candidates[costs.indexOf(Math.min(...costs))]!;
}
