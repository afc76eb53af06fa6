import type { MatchWeights } from './types.js';

/**
 * Soft priorities after repeats, in the order PRODUCT.md gives them: one colleague pair outweighs any
 * amount of mix, and mix comes before interest hook and topic preference.
 */
export const DEFAULT_WEIGHTS: Readonly<MatchWeights> = Object.freeze({
  sameOrg: 1000,
  roleMix: 10,
  stageMix: 9,
  interestHook: 8,
  topic: 3,
});

const REPEAT_BASE = 1e6;
const REPEAT_GROWTH = 1e3;
const REPEAT_CAP = 5;

/**
 * Cost of a pair meeting once more after `times` earlier meetings. Each further meeting costs a
 * thousand times the previous one, so the engine lowers the most-met pair first (maxMeetings), then
 * the count of repeats, then everything else.
 */
export function repeatCost(times: number): number {
  if (times <= 0) return 0;
  return REPEAT_BASE * REPEAT_GROWTH ** (Math.min(times, REPEAT_CAP) - 1);
}

export function resolveWeights(weights: Partial<MatchWeights> | undefined): MatchWeights {
  const resolved = { ...DEFAULT_WEIGHTS };
  for (const key of Object.keys(resolved) as (keyof MatchWeights)[]) {
    const value = weights?.[key];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) resolved[key] = value;
  }
  return resolved;
}
