import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CapacityError, planRound, seatLateArrival } from '../../src/matching/index.js';
import { person, roomArbitrary, TEST_OPTIONS, tables } from './fixtures.js';

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
});
