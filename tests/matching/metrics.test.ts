import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type MatchPerson,
  measure,
  measureSteps,
  type Round,
  RoundMeasure,
} from '../../src/matching/index.js';
import { person, personArbitrary, roomArbitrary } from './fixtures.js';

const a = person('a', { organisation: 'Stadt X', role: 'verwaltung', stage: 0, interests: ['governance'] });
const b = person('b', {
  organisation: ' stadt x ',
  role: 'verwaltung',
  stage: 1,
  interests: ['governance', 'lizenzen'],
});
const c = person('c', { organisation: 'Y', role: 'wirtschaft', stage: 0, interests: ['sicherheit'] });
const d = person('d');
const people = [a, b, c, d];
const rounds = [
  [
    ['a', 'b'],
    ['c', 'd'],
  ],
  [['a', 'b', 'c'], ['d']],
];

describe('measure (hand-computed)', () => {
  it('counts repeats, colleagues, mix, hook and size spread', () => {
    // Pairs: ab twice, cd, ac, bc once → one repeat, most meetings 2.
    // Colleagues (trimmed, case-insensitive): ab in both rounds → 2.
    // Roles: round 1 tables {verwaltung} {wirtschaft} = 2 of ideal 2+1; round 2 {verwaltung, wirtschaft} {} = 2 of 3 → 4/6.
    // Stages: round 1 {0,1} {0} = 3 of 3; round 2 {0,1} {} = 2 of 3 → 5/6.
    // Hook: a and b share governance both rounds, c never shares → 4 of 6 (d has no interests).
    expect(measure(rounds, people)).toEqual({
      rounds: 2,
      repeats: 1,
      maxMeetings: 2,
      sameOrgPairs: 2,
      roleMix: 4 / 6,
      stageMix: 5 / 6,
      interestHook: 4 / 6,
      sizeSpread: 2,
    });
  });

  it('treats pairs from the history as earlier meetings', () => {
    const metrics = measure(rounds, people, [[['a', 'b', 'x']], [['c', 'x']]]);
    // ab met once before: now three times → two repeats added; cd, ac, bc new.
    expect(metrics.repeats).toBe(2);
    expect(metrics.maxMeetings).toBe(3);
    expect(metrics.sameOrgPairs).toBe(2);
  });

  it('only counts repeats the new rounds add', () => {
    const history = [[['a', 'b']], [['a', 'b']]];
    expect(measure([[['a', 'b']]], people, history)).toMatchObject({ repeats: 1, maxMeetings: 3 });
    expect(measure([[['a', 'c']]], people, history)).toMatchObject({ repeats: 0, maxMeetings: 1 });
  });

  it('is neutral for no rounds and for people without profile', () => {
    expect(measure([], people)).toEqual({
      rounds: 0,
      repeats: 0,
      maxMeetings: 0,
      sameOrgPairs: 0,
      roleMix: 1,
      stageMix: 1,
      interestHook: 1,
      sizeSpread: 0,
    });
    expect(measure([[['d', 'e'], []]], [d, person('e')])).toMatchObject({
      roleMix: 1,
      stageMix: 1,
      interestHook: 1,
      maxMeetings: 1,
    });
  });
});

describe('measureSteps', () => {
  // Random plans over 12 people (some absent from the profile list, some seated twice by history).
  const ids = Array.from({ length: 12 }, (_, i) => `p${i}`);
  const roundArbitrary = fc.shuffledSubarray(ids).chain((seated) =>
    fc.integer({ min: 1, max: 4 }).map((tables): Round => {
      const round: Round = Array.from({ length: tables }, () => []);
      for (const [i, id] of seated.entries()) round[i % tables]!.push(id);
      return round;
    }),
  );

  it('gives each round and each rest exactly what measure gives them', () => {
    fc.assert(
      fc.property(
        fc.tuple(...ids.slice(0, 9).map((id) => personArbitrary(id))),
        fc.array(roundArbitrary, { maxLength: 3 }),
        fc.array(roundArbitrary, { minLength: 1, maxLength: 5 }),
        (people, history, plan) => {
          const steps = measureSteps(plan, people, history);
          expect(steps).toHaveLength(plan.length);
          for (const [k, round] of plan.entries()) {
            const before = [...history, ...plan.slice(0, k)];
            expect(steps[k]!.round).toEqual(measure([round], people, before));
            expect(steps[k]!.rest).toEqual(measure(plan.slice(k + 1), people, [...before, round]));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('RoundMeasure', () => {
  it('measures a round that people sit down in one by one as measure does the round as it stands', () => {
    fc.assert(
      fc.property(
        roomArbitrary,
        fc.array(fc.integer({ min: -1, max: 9 }), { minLength: 48, maxLength: 48 }),
        fc.boolean(),
        fc.array(fc.tuple(personArbitrary('x'), fc.integer({ min: 0, max: 9 })), { maxLength: 8 }),
        ({ people, tables, history }, choices, ghost, arrivals) => {
          // Who sits where: some people at no table, and maybe someone without a profile.
          const round: Round = tables.map(() => []);
          for (const [i, p] of people.entries()) round[choices[i]!]?.push(p.id);
          if (ghost) round[0]!.push('ghost');
          const room = new RoundMeasure(round, people, history);
          const everyone: MatchPerson[] = [...people];
          expect(room.metrics()).toEqual(measure([round], everyone, history));
          arrivals.forEach(([profile, t], i) => {
            const newcomer = { ...profile, id: `new${i}` };
            const at = t % round.length;
            room.sitDown(newcomer, at);
            everyone.push(newcomer);
            round[at]!.push(newcomer.id);
            expect(room.metrics()).toEqual(measure([round], everyone, history));
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
