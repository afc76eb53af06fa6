import { SCHEDULE_PHASES } from './budget.js';
import { buildInstance } from './instance.js';
import { measure } from './metrics.js';
import { betterSchedule, isFlawless, resolveWeights } from './objective.js';
import { addPairs, addRounds, createPairCounts } from './pair-counts.js';
import { planAttempt } from './plan-attempt.js';
import { toRound } from './plan-round.js';
import { createPrng } from './prng.js';
import type { Metrics, PlanScheduleInput, Round } from './types.js';
import { warmSchedule } from './warm-start.js';

/** Default wall-clock cap for a whole schedule: the moderator's preview answers within a second. */
export const DEFAULT_SCHEDULE_TIME_MS = 900;
const MAX_ATTEMPTS = 8;

/**
 * R rounds at once (offline planning, preview), deterministic in the same sense as planRound with a
 * default box of 900 ms. Small rooms finish an attempt in a fraction of the effort, so further attempts
 * with derived seeds run while effort remains and the best schedule wins; the number of attempts
 * follows from counted effort, so it is the same on every run.
 */
export function planSchedule(input: PlanScheduleInput): Round[] {
  const started = Date.now();
  const roundCount = Math.max(0, Math.floor(input.rounds));
  const instance = buildInstance(input.people, input.tables, input.options?.tableUse);
  const warm = input.warmStart?.length ? input.warmStart : null;
  const weights = resolveWeights(input.options?.weights);
  const seed = input.options?.seed ?? 1;
  const timeMs = input.options?.timeMs ?? DEFAULT_SCHEDULE_TIME_MS;
  const effortMs = input.options?.effortMs ?? timeMs;
  const freshRoom = !input.history.some((round) =>
    round.some((table) => table.filter((id) => instance.indexOf.has(id)).length > 1),
  );
  const limits = {
    effortMs,
    greedyUntil: started + timeMs * SCHEDULE_PHASES.greedy.until,
    repairUntil: started + timeMs * SCHEDULE_PHASES.repair.until,
    polishUntil: started + timeMs * SCHEDULE_PHASES.polish.until,
  };

  let best: { rounds: Round[]; metrics: Metrics } | null = null;
  let spent = 0;
  // In a fresh room a design comes first (a warm start of the same room cannot beat it); later in the
  // evening the warm start comes first, as it keeps what the design gave.
  const warmAt = warm ? (freshRoom ? 1 : 0) : -1;
  const attempts = MAX_ATTEMPTS + (warm ? 1 : 0);
  for (let attempt = 0; attempt < attempts; attempt++) {
    const counts = createPairCounts(instance.people.length);
    addRounds(counts, input.history, instance.indexOf);
    if (input.met) addPairs(counts, input.met, instance.indexOf);
    const prng = createPrng(seed + attempt * 7919);
    const fresh = warmAt >= 0 && attempt > warmAt ? attempt - 1 : attempt;
    // A design guarantees the repeats but fixes who can sit together; greedy attempts may mix better.
    const start =
      warm && attempt === warmAt
        ? { warm: warmSchedule(instance, counts, warm, roundCount, weights, prng) }
        : { design: freshRoom && fresh % 2 === 0 };
    const result = planAttempt(instance, counts, start, roundCount, weights, prng, limits);
    const rounds = result.schedule.map((seating) => toRound(instance, seating));
    const metrics = measure(rounds, instance.people, input.history);
    if (!best || betterSchedule(metrics, best.metrics, weights)) best = { rounds, metrics };
    spent += result.effortMs;
    if (isFlawless(best.metrics)) break;
    // Counted effort decides; the clock only guards a machine much slower than the reference one.
    if (spent + result.effortMs > SCHEDULE_PHASES.attempts.effort * effortMs) break;
    const elapsed = Date.now() - started;
    if (elapsed + elapsed / (attempt + 1) > timeMs * SCHEDULE_PHASES.attempts.until) break;
  }
  return best?.rounds ?? [];
}
