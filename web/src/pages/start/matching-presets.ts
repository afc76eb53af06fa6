import type { Weights } from './matching-options.js';

export const PRESET_KEYS = ['balanced', 'mixRoles', 'interests', 'topics', 'colleaguesTogether'] as const;
export type PresetKey = (typeof PRESET_KEYS)[number] | 'custom';

/**
 * Each preset in words, as engine weights. Balanced is the engine's own default (no weights sent); the
 * others raise one goal far above the rest while repeats still come first.
 */
export const PRESET_WEIGHTS: Record<(typeof PRESET_KEYS)[number], Weights> = {
  balanced: {},
  mixRoles: { roleMix: 300, stageMix: 100 },
  interests: { interestHook: 300, topic: 50 },
  topics: { topic: 300, interestHook: 50 },
  colleaguesTogether: { sameOrg: 0 },
};

/** The preset these weights are, or custom when the numbers were set by hand. */
export function presetOf(weights: Weights): PresetKey {
  const same = (a: Weights, b: Weights) =>
    Object.keys({ ...a, ...b }).every((k) => a[k as keyof Weights] === b[k as keyof Weights]);
  return PRESET_KEYS.find((key) => same(PRESET_WEIGHTS[key], weights)) ?? 'custom';
}
