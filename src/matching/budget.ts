/**
 * Effort is counted in swap pricings, not milliseconds, so a seed always gives the same plan. A time
 * box of T ms allows T × EVALUATIONS_PER_MS pricings, about two thirds of what this 2-core machine does
 * in T ms; the wall clock is only a safety net and changes a plan only when a machine is that slow.
 */
/** Round swap pricings per ms (role, stage and interest tallies make them the heavier kind). */
export const ROUND_EVALUATIONS_PER_MS = 1500;
/** Whole-schedule repair: pair-count lookups per ms (a swap pricing reads both tables). */
export const REPAIR_EVALUATIONS_PER_MS = 120_000;

/** One round rarely gains after ~300 scans of the room; capping by size keeps live rounds quick. */
export function roundEvaluationCap(people: number): number {
  return 60_000 + 300 * people;
}

export function roundEvaluations(timeMs: number): number {
  return Math.max(1000, Math.floor(timeMs * ROUND_EVALUATIONS_PER_MS));
}

export function repairEvaluations(timeMs: number): number {
  return Math.max(1000, Math.floor(timeMs * REPAIR_EVALUATIONS_PER_MS));
}
