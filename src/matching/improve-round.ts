import type { SearchBudget } from './budget.js';
import type { Prng } from './prng.js';
import type { RoundState } from './round-state.js';

const TOURNAMENT = 12;
const FULL_SCAN_LIMIT = 500;
const SAMPLE_SIZE = 250;

/**
 * Conflict-directed swap search with tabu, after Dotú & Van Hentenryck: take an expensive person,
 * make the best swap with someone at another table even when it is worse, forbid swapping the
 * same people straight back, and restart from the best seating plus a small kick when stuck.
 */
export function improveRound(state: RoundState, prng: Prng, budget: SearchBudget): number {
  const n = state.tableOf.length;
  const hosts = new Set(state.instance.hostAt);
  const movable = Array.from({ length: n }, (_, p) => p).filter((p) => !hosts.has(p));
  if (movable.length < 2 || state.members.length < 2) return 0;
  let cost = state.totalCost();
  let bestCost = cost;
  // The best seating is copied only when the search is about to leave it: large rooms improve on
  // almost every step early on, and copying 5,000 seats each time would cost more than the search.
  let bestSeating: number[][] = [];
  let atBest = true;
  const tabuUntil = new Int32Array(n);
  const stall = Math.max(400, Math.min(n, 1000));
  let lastImprovement = 0;

  let spent = 0;
  let lastBest = 0;
  for (let iteration = 1; spent < budget.evaluations && bestCost > budget.lowerBound + 1e-9; iteration++) {
    if (iteration - lastBest > 3 * stall) break;
    if ((iteration & 31) === 0 && Date.now() > budget.deadline) break;
    let p = -1;
    let pCost = 0;
    for (let k = 0; k < TOURNAMENT; k++) {
      const candidate = movable[prng.int(movable.length)]!;
      const candidateCost = state.personalCost(candidate);
      if (candidateCost > pCost) {
        p = candidate;
        pCost = candidateCost;
      }
    }
    if (p < 0) continue;
    const scanAll = movable.length <= FULL_SCAN_LIMIT;
    const tries = scanAll ? movable.length : SAMPLE_SIZE;
    let bestDelta = Number.POSITIVE_INFINITY;
    let bestQ = -1;
    let ties = 0;
    for (let k = 0; k < tries; k++) {
      const q = scanAll ? movable[k]! : movable[prng.int(movable.length)]!;
      if (state.tableOf[q] === state.tableOf[p]) continue;
      const delta = state.swapDelta(p, q);
      spent++;
      if (tabuUntil[q]! > iteration && cost + delta >= bestCost) continue;
      if (delta < bestDelta) {
        bestDelta = delta;
        bestQ = q;
        ties = 1;
      } else if (delta === bestDelta && prng.int(++ties) === 0) bestQ = q;
    }
    if (bestQ < 0) continue;
    if (atBest && cost + bestDelta >= bestCost - 1e-9) bestSeating = state.seating();
    state.swap(p, bestQ);
    cost += bestDelta;
    atBest = false;
    const tenure = 4 + prng.int(8);
    tabuUntil[p] = iteration + tenure;
    tabuUntil[bestQ] = iteration + tenure;
    if (cost < bestCost - 1e-9) {
      bestCost = cost;
      atBest = true;
      lastImprovement = iteration;
      lastBest = iteration;
    } else if (iteration - lastImprovement > stall) {
      if (atBest) bestSeating = state.seating();
      else restore(state, bestSeating);
      atBest = false;
      for (let kick = 0; kick < 3; kick++) {
        const a = movable[prng.int(movable.length)]!;
        const b = movable[prng.int(movable.length)]!;
        if (state.tableOf[a] !== state.tableOf[b]) state.swap(a, b);
      }
      cost = state.totalCost();
      lastImprovement = iteration;
    }
  }
  if (!atBest) restore(state, bestSeating);
  return spent;
}

function restore(state: RoundState, seating: number[][]): void {
  // Swapping each seat back into place keeps the tallies right without rebuilding the state.
  seating.forEach((table, t) => {
    table.forEach((person, position) => {
      state.placeAt(person, t, position);
    });
  });
}
