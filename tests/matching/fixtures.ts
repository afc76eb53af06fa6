import fc from 'fast-check';
import type { MatchPerson, MatchTable, Round } from '../../src/matching/index.js';

export function person(id: string, profile: Partial<Omit<MatchPerson, 'id'>> = {}): MatchPerson {
  return { id, organisation: null, role: null, stage: null, interests: [], ...profile };
}

export function tables(count: number, seats: number, extra: Partial<MatchTable> = {}): MatchTable[] {
  return Array.from({ length: count }, (_, i) => ({
    label: String(i + 1),
    seats,
    topic: null,
    hostId: null,
    ...extra,
  }));
}

export function golfers(count: number): MatchPerson[] {
  return Array.from({ length: count }, (_, i) => person(`g${i}`));
}

/** Pair → times met, over rounds. */
export function meetings(rounds: Round[]): Map<string, number> {
  const met = new Map<string, number>();
  for (const round of rounds)
    for (const table of round)
      for (const a of table)
        for (const b of table) if (a < b) met.set(`${a}|${b}`, (met.get(`${a}|${b}`) ?? 0) + 1);
  return met;
}

/** Small effort, generous clock: the plan depends on the seed only, never on machine load. */
export const TEST_OPTIONS = { seed: 7, timeMs: 60_000, effortMs: 15 };

const ROLES = ['verwaltung', 'wirtschaft', 'community', 'wissenschaft'];
const INTERESTS = ['governance', 'lizenzen', 'beschaffung', 'sicherheit', 'community'];

export const personArbitrary = (id: string) =>
  fc.record({
    id: fc.constant(id),
    organisation: fc.option(fc.constantFrom('Stadt Köln', ' stadt köln', 'ACME', 'Uni', ''), { nil: null }),
    role: fc.option(fc.constantFrom(...ROLES), { nil: null }),
    stage: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
    interests: fc.uniqueArray(fc.constantFrom(...INTERESTS), { maxLength: 3 }),
  });

/**
 * A room with tables of 3–8 seats (some with topics), 0..seats people and hosts for at most half of
 * them (some hosts absent), plus a history that also names people who are not present.
 */
export const roomArbitrary = fc
  .array(
    fc.record({
      seats: fc.integer({ min: 3, max: 8 }),
      topic: fc.option(fc.constantFrom(...INTERESTS), { nil: null }),
    }),
    {
      minLength: 1,
      maxLength: 9,
    },
  )
  .chain((tableSpecs) => {
    const seats = tableSpecs.reduce((sum, t) => sum + t.seats, 0);
    return fc.integer({ min: 0, max: Math.min(seats, 48) }).chain((n) =>
      fc
        .record({
          people: fc.tuple(...Array.from({ length: n }, (_, i) => personArbitrary(`p${i}`))),
          hosts: fc.array(fc.option(fc.integer({ min: 0, max: n + 2 }), { nil: null }), {
            minLength: tableSpecs.length,
            maxLength: tableSpecs.length,
          }),
          history: fc.array(
            fc.array(fc.uniqueArray(fc.integer({ min: 0, max: n + 3 }), { maxLength: 5 }), { maxLength: 6 }),
            {
              maxLength: 3,
            },
          ),
        })
        .map(({ people, hosts, history }) => {
          let hostBudget = Math.floor(n / 2);
          const roomTables: MatchTable[] = tableSpecs.map((spec, i) => {
            const host = hosts[i];
            const hostId = host !== null && host !== undefined && hostBudget-- > 0 ? `p${host}` : null;
            return { label: `T${i + 1}`, seats: spec.seats, topic: spec.topic, hostId };
          });
          return {
            people: people as MatchPerson[],
            tables: roomTables,
            history: history.map((round) => round.map((table) => table.map((i) => `p${i}`))),
          };
        }),
    );
  });
