import { describe, expect, it } from 'vitest';
import { measure, planRound, planSchedule } from '../../src/matching/index.js';
import { golfers, person, TEST_OPTIONS, tables } from './fixtures.js';

describe('edge cases', () => {
  it('plans empty rooms, one person and two people', () => {
    expect(planRound({ people: [], tables: tables(3, 4), history: [] })).toEqual([[], [], []]);
    expect(planSchedule({ people: [], tables: tables(2, 4), history: [], rounds: 2 })).toEqual([
      [[], []],
      [[], []],
    ]);
    expect(planRound({ people: [person('solo')], tables: tables(3, 4), history: [] })).toEqual([
      ['solo'],
      [],
      [],
    ]);
    expect(planRound({ people: [person('a'), person('b')], tables: tables(3, 4), history: [] })).toEqual([
      ['a', 'b'],
      [],
      [],
    ]);
    expect(planSchedule({ people: golfers(2), tables: tables(1, 4), history: [], rounds: 0 })).toEqual([]);
  });

  it('opens only the tables it needs and balances numbers that do not divide', () => {
    const fewer = planRound({
      people: golfers(5),
      tables: tables(10, 6),
      history: [],
      options: TEST_OPTIONS,
    });
    expect(fewer.map((t) => t.length)).toEqual([5, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const uneven = planRound({
      people: golfers(13),
      tables: tables(5, 4),
      history: [],
      options: TEST_OPTIONS,
    });
    expect(uneven.map((t) => t.length).sort()).toEqual([0, 3, 3, 3, 4]);
  });

  it('uses the largest tables first and fills mixed sizes as evenly as they allow', () => {
    const mixed = [...tables(1, 4), ...tables(1, 8), ...tables(1, 4)];
    expect(
      planRound({ people: golfers(10), tables: mixed, history: [], options: TEST_OPTIONS }).map(
        (t) => t.length,
      ),
    ).toEqual([4, 6, 0]);
    expect(
      planRound({ people: golfers(16), tables: mixed, history: [], options: TEST_OPTIONS }).map(
        (t) => t.length,
      ),
    ).toEqual([4, 8, 4]);
  });

  it('seats people with the topic at a topic table', () => {
    const people = Array.from({ length: 12 }, (_, i) =>
      person(`p${i}`, { interests: [i % 2 ? 'lizenzen' : 'sicherheit'] }),
    );
    const room = [...tables(1, 6), ...tables(1, 6, { topic: 'lizenzen' })];
    const [plain, topical] = planRound({ people, tables: room, history: [], options: TEST_OPTIONS });
    expect(topical!.every((id) => Number(id.slice(1)) % 2 === 1)).toBe(true);
    expect(plain).toHaveLength(6);
  });

  it('handles people without organisation or interests, duplicates and a history naming absent people', () => {
    const people = [...golfers(8), person('g0')];
    const history = [
      [
        ['g0', 'g1', 'gone'],
        ['ghost', 'g2'],
      ],
      [['nobody']],
    ];
    const round = planRound({ people, tables: tables(2, 4), history, options: TEST_OPTIONS });
    expect(round.flat().sort()).toEqual(
      golfers(8)
        .map((p) => p.id)
        .sort(),
    );
    expect(round.some((t) => t.includes('g0') && t.includes('g1'))).toBe(false);
    expect(measure([round], people)).toMatchObject({ interestHook: 1, roleMix: 1, sameOrgPairs: 0 });
  });

  it('keeps a host at the table every round and ignores an absent host', () => {
    const room = [
      ...tables(1, 4, { hostId: 'g5' }),
      ...tables(1, 4, { hostId: 'absent' }),
      ...tables(1, 4, { hostId: 'g6' }),
    ];
    const schedule = planSchedule({
      people: golfers(12),
      tables: room,
      history: [],
      rounds: 3,
      options: TEST_OPTIONS,
    });
    for (const round of schedule) {
      expect(round[0]![0]).toBe('g5');
      expect(round[2]![0]).toBe('g6');
    }
  });

  it('accepts partial weights and ignores nonsense ones', () => {
    const people = Array.from({ length: 8 }, (_, i) => person(`p${i}`, { organisation: i < 4 ? 'A' : 'B' }));
    const round = planRound({
      people,
      tables: tables(4, 2),
      history: [],
      options: { ...TEST_OPTIONS, weights: { roleMix: -3, topic: Number.NaN } },
    });
    expect(measure([round], people).sameOrgPairs).toBe(0);
  });
});
