/**
 * Effort is counted in swap pricings, not milliseconds, so a seed always gives the same plan. A box
 * of T ms buys T × rate pricings, the rates set at roughly half (rounds) and two thirds (repair) of
 * what the reference 2-core machine does; each phase also has a wall-clock cap, which changes a plan
 * only on a machine (or a load) about twice as slow as the reference.
 */
/** Round swap pricings per ms (role, stage and interest tallies make them the heavier kind). */
export const ROUND_EVALUATIONS_PER_MS = 1500;
/** Whole-schedule repair: pair-count lookups per ms (a swap pricing reads both tables). */
export const REPAIR_EVALUATIONS_PER_MS = 90_000;

/** Past a few hundred scans of a room a round rarely gains; the cap keeps live rounds quick. */
export function roundEvaluationCap(people: number): number {
  return 60_000 + 300 * Math.min(people, 600);
}

/** Round pricings per ms in a room of this size: big rooms miss the cache more often. */
export function roundRate(people: number): number {
  return ROUND_EVALUATIONS_PER_MS / (1 + people / 2500);
}

export function roundEvaluations(timeMs: number, people: number): number {
  return Math.max(1000, Math.floor(timeMs * roundRate(people)));
}

export function repairEvaluations(timeMs: number): number {
  return Math.max(1000, Math.floor(timeMs * REPAIR_EVALUATIONS_PER_MS));
}
