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

  it('opens an empty table only when no used table has a seat', () => {
    const round = [['a', 'b'], [], ['c', 'd']];
    expect(seatLateArrival({ person: person('n'), round, tables: tables(3, 2), people, history: [] })).toBe(
      1,
    );
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

  it('throws a CapacityError when no seat is free anywhere', () => {
    const call = () =>
      seatLateArrival({
        person: person('n'),
        round: [
          ['a', 'b'],
          ['c', 'd'],
        ],
        tables: tables(2, 2),
        people,
        history: [],
      });
    expect(call).toThrow(CapacityError);
    expect(call).toThrow(/add tables/);
  });

  it('always picks a free seat, at a used table whenever one has room, moving nobody', () => {
    fc.assert(
      fc.property(roomArbitrary, ({ people, tables: roomTables, history }) => {
        const round = planRound({ people, tables: roomTables, history, options: TEST_OPTIONS });
        const newcomer = person('newcomer', { interests: ['lizenzen'] });
        const free = (t: number) => roomTables[t]!.seats - round[t]!.length;
        const usedWithRoom = round.some((table, t) => table.length > 0 && free(t) > 0);
        if (!round.some((_, t) => free(t) > 0)) {
          expect(() =>
            seatLateArrival({ person: newcomer, round, tables: roomTables, people, history }),
          ).toThrow(CapacityError);
          return;
        }
        const t = seatLateArrival({ person: newcomer, round, tables: roomTables, people, history });
        expect(free(t)).toBeGreaterThan(0);
        if (usedWithRoom) expect(round[t]!.length).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });
});
