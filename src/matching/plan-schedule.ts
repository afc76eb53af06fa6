import { repairEvaluations, roundEvaluationCap, roundEvaluations } from './budget.js';
import { constructDesign } from './designs.js';
import type { Instance } from './instance.js';
import { buildInstance } from './instance.js';
import { improveRound } from './local-search.js';
import {
  addRounds,
  addSeating,
  createPairCounts,
  type PairCounts,
  seatsAnyPairAgain,
} from './pair-counts.js';
import { roundLowerBound, seatRound, toRound } from './plan-round.js';
import type { Prng } from './prng.js';
import { createPrng } from './prng.js';
import { relabelSchedule } from './relabel.js';
import { RoundState } from './round-state.js';
import { repairSchedule } from './schedule-search.js';
import type { MatchWeights, PlanScheduleInput, Round } from './types.js';
import { resolveWeights } from './weights.js';

/** Default wall-clock cap for a whole schedule: the moderator's preview answers within a second. */
export const DEFAULT_SCHEDULE_TIME_MS = 900;
const POLISH_PASSES = 3;

/** Re-polishes each round for mix and hook against all the others; repeat costs keep repairs intact. */
function polishRounds(
  instance: Instance,
  counts: PairCounts,
  schedule: number[][][],
  weights: MatchWeights,
  prng: Prng,
  evaluations: number,
  deadline: number,
): void {
  schedule.forEach((seating, r) => {
    addSeating(counts, seating, -1);
    const state = new RoundState(instance, counts, weights, seating);
    improveRound(state, prng, {
      evaluations: evaluations / schedule.length,
      deadline,
      lowerBound: roundLowerBound(instance, weights),
    });
    schedule[r] = state.seating();
    addSeating(counts, schedule[r]!, 1);
  });
}

/**
 * Rounds of a repeat-free design when the room has the classic shape (equal tables, exactly full,
 * no hosts, nobody has met yet); empty otherwise.
 */
function designStart(instance: Instance, counts: PairCounts, roundCount: number): number[][][] {
  const { sizes } = instance.layout;
  const n = instance.people.length;
  const size = sizes[0] ?? 0;
  if (
    roundCount < 2 ||
    sizes.length < 2 ||
    sizes.some((s) => s !== size) ||
    instance.hostAt.some((h) => h >= 0)
  )
    return [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (counts.get(a, b) > 0) return [];
  const design = constructDesign(sizes.length, size);
  if (!design || design.length < 2) return [];
  const rounds = design.slice(0, roundCount);
  for (const seating of rounds) addSeating(counts, seating, 1);
  return rounds;
}

export function planSchedule(input: PlanScheduleInput): Round[] {
  const started = Date.now();
  const roundCount = Math.max(0, Math.floor(input.rounds));
  const instance = buildInstance(input.people, input.tables);
  const n = instance.people.length;
  const counts = createPairCounts(n);
  addRounds(counts, input.history, instance.indexOf);
  const weights = resolveWeights(input.options?.weights);
  const prng = createPrng(input.options?.seed ?? 1);
  const timeMs = input.options?.timeMs ?? DEFAULT_SCHEDULE_TIME_MS;
  const deadline = started + timeMs;
  const effortMs = input.options?.effortMs ?? timeMs;
  const roundBudget = roundEvaluations(effortMs);
  const schedule = designStart(instance, counts, roundCount);
  const designRounds = schedule.length;
  if (schedule.length > 0) {
    const relabelled = relabelSchedule(instance, weights, schedule, prng, {
      evaluations: 0.2 * roundBudget,
      deadline: started + timeMs * 0.3,
      lowerBound: 0,
    });
    for (const seating of schedule) addSeating(counts, seating, -1);
    schedule.splice(0, schedule.length, ...relabelled);
    for (const seating of schedule) addSeating(counts, seating, 1);
  }
  for (let r = schedule.length; r < roundCount; r++) {
    const share = Math.min(roundEvaluationCap(n), (0.3 * roundBudget) / roundCount);
    const seating = seatRound(
      instance,
      counts,
      weights,
      prng,
      share,
      started + (timeMs * 0.3 * (r + 1)) / roundCount,
    );
    addSeating(counts, seating, 1);
    schedule.push(seating);
  }
  if (seatsAnyPairAgain(counts, schedule.flat(), 2) && instance.layout.used.length > 1) {
    repairSchedule(instance, counts, schedule, weights.sameOrg, prng, {
      evaluations: repairEvaluations(0.5 * effortMs),
      deadline: started + timeMs * 0.85,
      lowerBound: 0,
    });
  }
  // Later rounds were planned knowing only earlier ones; a second pass sees the whole schedule.
  if (roundCount - designRounds > 1) {
    const polish = Math.min(0.3 * roundBudget, 3 * roundCount * roundEvaluationCap(n));
    for (let pass = 0; pass < POLISH_PASSES; pass++)
      polishRounds(instance, counts, schedule, weights, prng, polish / POLISH_PASSES, deadline);
  }
  return schedule.map((seating) => toRound(instance, seating));
}
