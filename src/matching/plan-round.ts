import { ROUND_PHASES, repairEvaluations, roundEvaluationCap, roundEvaluations } from './budget.js';
import { constructSeating } from './construct-seating.js';
import { improveRound } from './improve-round.js';
import { buildInstance, type Instance } from './instance.js';
import { resolveWeights } from './objective.js';
import {
  addPairs,
  addRounds,
  addSeating,
  createPairCounts,
  type PairCounts,
  seatsAnyPairAgain,
} from './pair-counts.js';
import { createPrng, type Prng } from './prng.js';
import { repairSchedule } from './repair-schedule.js';
import { RoundState } from './round-state.js';
import type { MatchWeights, PlanRoundInput, Round } from './types.js';

/** Default wall-clock cap for one round: a safety net well under the moderator's one second. */
export const DEFAULT_ROUND_TIME_MS = 600;

/** Mix duplicates no seating can avoid: a role held by more people than there are tables. */
export function roundLowerBound(instance: Instance, weights: MatchWeights): number {
  const tables = instance.layout.used.length;
  const excess = (values: Int32Array) => {
    const totals = new Map<number, number>();
    for (const value of values) if (value >= 0) totals.set(value, (totals.get(value) ?? 0) + 1);
    let sum = 0;
    for (const total of totals.values()) sum += Math.max(0, total - tables);
    return sum;
  };
  return weights.roleMix * excess(instance.role) + weights.stageMix * excess(instance.stage);
}

/** Plans one round for an instance against the pair counts so far; returns the seating by used table. */
export function seatRound(
  instance: Instance,
  counts: PairCounts,
  weights: MatchWeights,
  prng: Prng,
  evaluations: number,
  deadline: number,
): { seating: number[][]; spent: number } {
  if (instance.layout.used.length === 0) return { seating: [], spent: 0 };
  const state = new RoundState(instance, counts, weights, constructSeating(instance, counts, weights, prng));
  const spent = improveRound(state, prng, {
    evaluations,
    deadline,
    lowerBound: roundLowerBound(instance, weights),
  });
  return { seating: state.seating(), spent };
}

/** Seating by used table → one id list per input table, hosts first, then in input order. */
export function toRound(instance: Instance, seating: number[][]): Round {
  const round: Round = instance.tables.map(() => []);
  seating.forEach((table, t) => {
    const host = instance.hostAt[t]!;
    const ordered = [...table].sort((a, b) => (a === host ? -1 : b === host ? 1 : a - b));
    round[instance.layout.used[t]!] = ordered.map((p) => instance.people[p]!.id);
  });
  return round;
}

/**
 * One round for the people present now, given every earlier round (live use). The same input and
 * seed give the same plan: effort is counted, and the wall clock (options.timeMs, default 600 ms)
 * cuts in only on a machine or load about twice as slow as the reference, the one case where two
 * calls can differ.
 */
export function planRound(input: PlanRoundInput): Round {
  const started = Date.now();
  const instance = buildInstance(input.people, input.tables, input.options?.tableUse);
  const counts = createPairCounts(instance.people.length);
  addRounds(counts, input.history, instance.indexOf);
  if (input.met) addPairs(counts, input.met, instance.indexOf);
  const weights = resolveWeights(input.options?.weights);
  const prng = createPrng(input.options?.seed ?? 1);
  const timeMs = input.options?.timeMs ?? DEFAULT_ROUND_TIME_MS;
  const effortMs = input.options?.effortMs ?? timeMs;
  const evaluations = Math.min(
    roundEvaluationCap(instance.people.length),
    roundEvaluations(ROUND_PHASES.search.effort * effortMs, instance.people.length),
  );
  const { seating } = seatRound(
    instance,
    counts,
    weights,
    prng,
    evaluations,
    started + timeMs * ROUND_PHASES.search.until,
  );
  if (seatsAnyPairAgain(counts, seating)) {
    // The swap search treats repeats as costs among others; the repair hunts them down directly.
    addSeating(counts, seating, 1);
    const spent = repairSchedule(instance, counts, [seating], weights.sameOrg, prng, {
      evaluations: repairEvaluations(ROUND_PHASES.repair.effort * effortMs),
      deadline: started + timeMs * ROUND_PHASES.repair.until,
      lowerBound: 0,
    });
    addSeating(counts, seating, -1);
    if (spent > 0) {
      const state = new RoundState(instance, counts, weights, seating);
      improveRound(state, prng, {
        evaluations: evaluations * ROUND_PHASES.polish.ofSearch,
        deadline: started + timeMs * ROUND_PHASES.polish.until,
        lowerBound: roundLowerBound(instance, weights),
      });
      return toRound(instance, state.seating());
    }
  }
  return toRound(instance, seating);
}
