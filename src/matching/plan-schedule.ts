import { buildInstance } from './instance.js';
import { addRounds, createPairCounts } from './pair-counts.js';
import { seatRound, toRound } from './plan-round.js';
import { createPrng } from './prng.js';
import type { PlanScheduleInput, Round } from './types.js';
import { resolveWeights } from './weights.js';

/** Default wall-clock cap for a whole schedule: the moderator's preview answers within a second. */
export const DEFAULT_SCHEDULE_TIME_MS = 900;

export function planSchedule(input: PlanScheduleInput): Round[] {
  const started = Date.now();
  const roundCount = Math.max(0, Math.floor(input.rounds));
  const instance = buildInstance(input.people, input.tables);
  const counts = createPairCounts(instance.people.length);
  addRounds(counts, input.history, instance.indexOf);
  const weights = resolveWeights(input.options?.weights);
  const prng = createPrng(input.options?.seed ?? 1);
  const timeMs = input.options?.timeMs ?? DEFAULT_SCHEDULE_TIME_MS;
  const rounds: Round[] = [];
  for (let r = 0; r < roundCount; r++) {
    const deadline = started + (timeMs * (r + 1)) / roundCount;
    const round = toRound(instance, seatRound(instance, counts, weights, prng, deadline));
    addRounds(counts, [round], instance.indexOf);
    rounds.push(round);
  }
  return rounds;
}
