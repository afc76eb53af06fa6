import type { SearchBudget } from './budget.js';
import type { Instance } from './instance.js';
import type { PairCounts } from './pair-counts.js';
import type { Prng } from './prng.js';
import { RoundState } from './round-state.js';
import type { MatchWeights } from './types.js';

/**
 * A repeat-free design stays repeat-free under any renaming of its points, so colleagues, mix and
 * interests are improved by exchanging two people's places in every round at once.
 */
export function relabelSchedule(
  instance: Instance,
  weights: MatchWeights,
  schedule: number[][][],
  prng: Prng,
  budget: SearchBudget,
): number[][][] {
  const n = instance.people.length;
  // Nobody meets twice in a design, so the rounds are priced as if nobody had met.
  const noMeetings: PairCounts = { size: n, dense: null, get: () => 0, add: () => {} };
  const states = schedule.map((seating) => new RoundState(instance, noMeetings, weights, seating));
  const everyone = Array.from({ length: n }, (_, p) => p);
  const personCost = (p: number) => states.reduce((sum, state) => sum + state.personalCost(p), 0);
  const exchangeDelta = (p: number, q: number) =>
    states.reduce(
      (sum, state) => (state.tableOf[p] === state.tableOf[q] ? sum : sum + state.swapDelta(p, q)),
      0,
    );
  let quiet = 0;
  let spent = 0;
  for (let iteration = 0; spent < budget.evaluations && quiet < 3 * n; iteration++) {
    if ((iteration & 15) === 0 && Date.now() > budget.deadline) break;
    let p = everyone[prng.int(n)]!;
    for (let k = 0; k < 4; k++) {
      const candidate = everyone[prng.int(n)]!;
      if (personCost(candidate) > personCost(p)) p = candidate;
    }
    let bestDelta = 0;
    let bestQ = -1;
    for (const q of everyone) {
      if (q === p) continue;
      const delta = exchangeDelta(p, q);
      spent += states.length;
      if (delta < bestDelta - 1e-9) {
        bestDelta = delta;
        bestQ = q;
      }
    }
    if (bestQ < 0) {
      quiet++;
      continue;
    }
    quiet = 0;
    for (const state of states) if (state.tableOf[p] !== state.tableOf[bestQ]) state.swap(p, bestQ);
  }
  return states.map((state) => state.seating());
}
