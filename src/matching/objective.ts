/**
 * The engine's objective, in one place (docs/matching.md, "The objective"). In strict priority: the
 * most meetings of one pair, then repeat encounters, then colleague pairs, then the weighted mix of
 * roles and stages, shared interests and topic tables. The searches price it as one sum (repeatCost
 * and the weights below, so each level outweighs everything after it); whole schedules are compared
 * on their metrics with betterSchedule, which keeps the same order.
 */
import type { MatchWeights, Metrics } from './types.js';

/**
 * Soft priorities after repeats: one colleague pair outweighs any amount of mix, and mix comes
 * before interest hook and topic preference.
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

/** Lexicographic: most meetings of one pair, repeats, colleagues, then the weighted mix and hook. */
export function betterSchedule(a: Metrics, b: Metrics, w: MatchWeights): boolean {
  if (a.maxMeetings !== b.maxMeetings) return a.maxMeetings < b.maxMeetings;
  if (a.repeats !== b.repeats) return a.repeats < b.repeats;
  if (a.sameOrgPairs !== b.sameOrgPairs) return a.sameOrgPairs < b.sameOrgPairs;
  const soft = (m: Metrics) =>
    w.roleMix * m.roleMix + w.stageMix * m.stageMix + w.interestHook * m.interestHook;
  return soft(a) > soft(b) + 1e-12;
}

/** Nothing left to gain: no repeat, no colleagues together, every mix and hook at its best. */
export function isFlawless(m: Metrics): boolean {
  return (
    m.repeats === 0 && m.sameOrgPairs === 0 && m.roleMix === 1 && m.stageMix === 1 && m.interestHook === 1
  );
}
