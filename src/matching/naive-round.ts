import { buildInstance } from './instance.js';
import { toRound } from './plan-round.js';
import { createPrng, shuffleInPlace } from './prng.js';
import type { PlanRoundInput, Round } from './types.js';

/** The benchmark's baseline: a seeded random shuffle dealt onto the same balanced table sizes. */
export function naiveRound(input: PlanRoundInput): Round {
  const instance = buildInstance(input.people, input.tables, input.options?.tableUse);
  const prng = createPrng(input.options?.seed ?? 1);
  const hosts = new Set(instance.hostAt);
  const others = shuffleInPlace(
    instance.people.map((_, p) => p).filter((p) => !hosts.has(p)),
    prng,
  );
  const seating = instance.hostAt.map((host) => (host >= 0 ? [host] : []));
  let next = 0;
  instance.layout.sizes.forEach((size, t) => {
    while (seating[t]!.length < size) seating[t]!.push(others[next++]!);
  });
  return toRound(instance, seating);
}
