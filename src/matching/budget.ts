/**
 * Effort is counted in swap pricings, not milliseconds, so that a seed gives the same plan. A box
 * of T ms buys T × rate pricings, the rates set at roughly half (rounds) and two thirds (repair) of
 * what the reference 2-core machine does; each phase also has a wall-clock cap, and a plan changes
 * whenever that cap cuts in first: on a slow or loaded machine, in a cold process, and for some
 * benchmark rooms at planSchedule's default box even on a quiet one (docs/matching.md, "Determinism").
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

/** What one search phase may spend; the counted evaluations decide, the deadline only guards. */
export interface SearchBudget {
  /** Swap pricings allowed: the deterministic measure of effort. */
  evaluations: number;
  /** Wall-clock safety net (Date.now() milliseconds); only hit on a very slow or overloaded machine. */
  deadline: number;
  /** Stop as soon as the cost reaches this (a proven lower bound). */
  lowerBound: number;
}

/**
 * Every phase's budget in one table. `effort` is a share of the counted effort (effortMs), spent at
 * the phase's rate: round pricings (roundRate) or repair lookups (REPAIR_EVALUATIONS_PER_MS). `until`
 * is a share of the wall-clock box (timeMs) after which the phase stops, counted from the call's start.
 */
export const ROUND_PHASES = {
  search: { effort: 0.4, until: 0.6 },
  /** Only when the searched seating seats a pair again. */
  repair: { effort: 0.3, until: 0.8 },
  /** Only after a repair that moved anyone: a share of the search's pricings, not of effortMs. */
  polish: { ofSearch: 0.5, until: 1 },
} as const;

/** planSchedule, per attempt; `attempts` decides whether another attempt starts. */
export const SCHEDULE_PHASES = {
  /** Stops at the greedy phase's deadline: the two share the first part of the box. */
  relabel: { effort: 0.2 },
  greedy: { effort: 0.3, until: 0.3 },
  repair: { effort: 0.5, until: 0.85 },
  polish: { effort: 0.3, until: 0.95 },
  /** Another attempt starts while the effort spent plus the last attempt's fits, and the clock allows. */
  attempts: { effort: 1, until: 0.8 },
} as const;
