import { REPAIR_EVALUATIONS_PER_MS, roundEvaluationCap, roundRate, SCHEDULE_PHASES } from './budget.js';
import { constructDesign } from './designs.js';
import { improveRound } from './improve-round.js';
import type { Instance } from './instance.js';
import { addSeating, type PairCounts, seatsAnyPairAgain } from './pair-counts.js';
import { roundLowerBound, seatRound } from './plan-round.js';
import type { Prng } from './prng.js';
import { relabelSchedule } from './relabel-schedule.js';
import { repairSchedule } from './repair-schedule.js';
import { RoundState } from './round-state.js';
import type { MatchWeights } from './types.js';

const POLISH_PASSES = 3;

export interface AttemptLimits {
  effortMs: number;
  /** Wall-clock instants (Date.now()) after which each phase stops. */
  greedyUntil: number;
  repairUntil: number;
  polishUntil: number;
}

/**
 * One full planning attempt: a constructive design where the room has the classic shape (or the
 * rounds of a warm start), greedy rounds for the rest, a whole-schedule repair of repeats, then
 * polishing passes for mix and hook. `counts` enters holding the history and leaves holding
 * history plus the schedule.
 */
export function planAttempt(
  instance: Instance,
  counts: PairCounts,
  start: { design: boolean } | { warm: number[][][] },
  roundCount: number,
  weights: MatchWeights,
  prng: Prng,
  limits: AttemptLimits,
): { schedule: number[][][]; effortMs: number } {
  const n = instance.people.length;
  const roundBudget = limits.effortMs * roundRate(n);
  let roundSpent = 0;
  let repairSpent = 0;
  const warm = 'warm' in start;
  const schedule = warm ? start.warm : start.design ? designStart(instance, roundCount) : [];
  const designRounds = schedule.length;
  if (warm) for (const seating of schedule) addSeating(counts, seating, 1);
  else if (designRounds > 0) {
    const relabelled = relabelSchedule(instance, weights, schedule, prng, {
      evaluations: SCHEDULE_PHASES.relabel.effort * roundBudget,
      deadline: limits.greedyUntil,
      lowerBound: 0,
    });
    schedule.splice(0, designRounds, ...relabelled);
    for (const seating of schedule) addSeating(counts, seating, 1);
  }
  for (let r = designRounds; r < roundCount; r++) {
    const share = Math.min(roundEvaluationCap(n), (SCHEDULE_PHASES.greedy.effort * roundBudget) / roundCount);
    const { seating, spent } = seatRound(instance, counts, weights, prng, share, limits.greedyUntil);
    roundSpent += spent;
    addSeating(counts, seating, 1);
    schedule.push(seating);
  }
  if (instance.layout.used.length > 1 && seatsAnyPairAgain(counts, schedule.flat(), 2)) {
    repairSpent += repairSchedule(instance, counts, schedule, weights.sameOrg, prng, {
      evaluations: SCHEDULE_PHASES.repair.effort * limits.effortMs * REPAIR_EVALUATIONS_PER_MS,
      deadline: limits.repairUntil,
      lowerBound: 0,
    });
  }
  // Later rounds were planned knowing only earlier ones; another pass sees the whole schedule.
  if (roundCount - designRounds > 1) {
    const polish =
      Math.min(SCHEDULE_PHASES.polish.effort * roundBudget, 3 * roundCount * roundEvaluationCap(n)) /
      POLISH_PASSES;
    for (let pass = 0; pass < POLISH_PASSES; pass++) {
      schedule.forEach((seating, r) => {
        addSeating(counts, seating, -1);
        const state = new RoundState(instance, counts, weights, seating);
        roundSpent += improveRound(state, prng, {
          evaluations: polish / roundCount,
          deadline: limits.polishUntil,
          lowerBound: roundLowerBound(instance, weights),
        });
        schedule[r] = state.seating();
        addSeating(counts, schedule[r]!, 1);
      });
    }
  }
  return {
    schedule,
    effortMs: roundSpent / roundRate(n) + repairSpent / REPAIR_EVALUATIONS_PER_MS,
  };
}

/** Rounds of a repeat-free design when the room has the classic shape (equal tables, no hosts). */
function designStart(instance: Instance, roundCount: number): number[][][] {
  const { sizes } = instance.layout;
  const size = sizes[0] ?? 0;
  if (
    roundCount < 2 ||
    sizes.length < 2 ||
    sizes.some((s) => s !== size) ||
    instance.hostAt.some((h) => h >= 0)
  )
    return [];
  const design = constructDesign(sizes.length, size);
  if (!design || design.length < 2) return [];
  // A maximal design cannot be extended by one more clean round (its unused pairs never form a
  // table), so when more rounds are asked for, one design round is left to the search as slack.
  return design.slice(0, roundCount <= design.length ? roundCount : design.length - 1);
}
