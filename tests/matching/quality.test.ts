import { describe, expect, it } from 'vitest';
import { measure, planRound, planSchedule, type Round } from '../../src/matching/index.js';
import { golfers, meetings, person, TEST_OPTIONS, tables } from './fixtures.js';

describe('quality', () => {
  it("solves Kirkman's schoolgirls: 15 people, 5 tables of 3, 7 rounds, nobody meets twice", () => {
    const people = golfers(15);
    const schedule = planSchedule({
      people,
      tables: tables(5, 3),
      history: [],
      rounds: 7,
      options: { seed: 1 },
    });
    expect(measure(schedule, people)).toMatchObject({ repeats: 0, maxMeetings: 1 });
  });

  it('seats 32 golfers in 8 tables of 4 for 9 rounds without a repeat (constructive design)', () => {
    const people = golfers(32);
    const schedule = planSchedule({
      people,
      tables: tables(8, 4),
      history: [],
      rounds: 9,
      options: TEST_OPTIONS,
    });
    expect(measure(schedule, people)).toMatchObject({ repeats: 0, maxMeetings: 1, sizeSpread: 0 });
  });

  it('reaches the state of the art: 32 golfers, 8 tables of 4, 10 rounds without a repeat (seed 1)', () => {
    const people = golfers(32);
    const options = { seed: 1, timeMs: 60_000, effortMs: 900 };
    const schedule = planSchedule({ people, tables: tables(8, 4), history: [], rounds: 10, options });
    expect(measure(schedule, people)).toMatchObject({ repeats: 0, maxMeetings: 1 });
  });

  it('gives 32 people at 8 × 4 ten rounds without a repeat whatever the seed, colleagues apart', () => {
    // Seeds 10, 11 and 13 once left eight or more repeats: the search for the tenth round failed.
    const orgs = ['Stadt Köln', 'ACME', 'Uni', 'OSBA', 'Dataport', 'ITZBund', 'FSFE', null];
    const people = Array.from({ length: 32 }, (_, i) =>
      person(`p${i}`, {
        organisation: orgs[i % 8]!,
        role: ['verwaltung', 'wirtschaft'][i % 2]!,
        stage: i % 5,
      }),
    );
    for (const seed of [10, 11, 13]) {
      const options = { seed, timeMs: 60_000, effortMs: 300 };
      const schedule = planSchedule({ people, tables: tables(8, 4), history: [], rounds: 10, options });
      expect(measure(schedule, people), `seed ${seed}`).toMatchObject({ repeats: 0, maxMeetings: 1 });
    }
  });

  it('keeps colleagues apart and avoids repeats in a realistic small event', () => {
    const orgs = ['Stadt Köln', 'ACME', 'Uni', 'OSBA', 'Dataport', null];
    const people = Array.from({ length: 24 }, (_, i) =>
      person(`p${i}`, {
        organisation: orgs[i % 6]!,
        role: ['verwaltung', 'wirtschaft', 'community'][i % 3]!,
        stage: i % 5,
        interests: [['governance', 'lizenzen'][i % 2]!],
      }),
    );
    const schedule = planSchedule({
      people,
      tables: tables(6, 4),
      history: [],
      rounds: 3,
      options: { seed: 3, timeMs: 60_000, effortMs: 300 },
    });
    const metrics = measure(schedule, people);
    expect(metrics).toMatchObject({ repeats: 0, sameOrgPairs: 0 });
    expect(metrics.roleMix).toBeGreaterThanOrEqual(0.95);
    expect(metrics.stageMix).toBeGreaterThanOrEqual(0.9);
    expect(metrics.interestHook).toBeGreaterThanOrEqual(0.9);
  });

  it('spreads unavoidable repeats: nobody meets the same person three times while others meet twice', () => {
    // Fewer tables than seats per table: from round 2 on, some table mates already met.
    const people = golfers(12);
    const schedule = planSchedule({
      people,
      tables: tables(3, 4),
      history: [],
      rounds: 3,
      options: TEST_OPTIONS,
    });
    const metrics = measure(schedule, people);
    expect(metrics.repeats).toBeGreaterThan(0);
    expect(metrics.maxMeetings).toBe(2);
  });

  it('respects the history across a live evening where people leave and arrive', () => {
    const everyone = Array.from({ length: 40 }, (_, i) =>
      person(`p${i}`, { organisation: `org${i % 13}`, interests: ['governance'] }),
    );
    const attendance = [
      everyone.slice(0, 30),
      everyone.slice(4, 34),
      [...everyone.slice(0, 2), ...everyone.slice(8, 40)],
    ];
    const history: Round[] = [];
    for (const present of attendance) {
      const round = planRound({ people: present, tables: tables(8, 5), history, options: TEST_OPTIONS });
      expect(round.flat().sort()).toEqual(present.map((p) => p.id).sort());
      history.push(round);
    }
    expect(Math.max(...meetings(history).values())).toBe(1);
    expect(measure(history, everyone)).toMatchObject({ repeats: 0, sameOrgPairs: 0 });
  });

  it('plans a 300-person round quickly and cleanly', () => {
    const people = Array.from({ length: 300 }, (_, i) =>
      person(`p${i}`, {
        organisation: `org${i % 40}`,
        role: ['a', 'b', 'c', 'd', 'e'][i % 5]!,
        stage: i % 5,
        interests: [`i${i % 7}`, `i${(i * 3) % 7}`],
      }),
    );
    const started = performance.now();
    const round = planRound({
      people,
      tables: tables(50, 6),
      history: [],
      options: { seed: 1, timeMs: 60_000, effortMs: 900 },
    });
    // Effort is counted in pricings (about 0.9 s on a quiet 2-core machine); the bound is sized for a
    // loaded one and still fails when the effort budget is ignored (the time box here is 60 s).
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(measure([round], people)).toMatchObject({ repeats: 0, sameOrgPairs: 0 });
  });
});
