import type { Instance } from './instance.js';
import { repeatCost } from './objective.js';
import { addSeating, type PairCounts } from './pair-counts.js';
import { type Prng, shuffleInPlace } from './prng.js';
import type { MatchWeights, Round } from './types.js';

/**
 * An earlier schedule fitted to today's room, round by round: people no longer present are taken
 * out, hosts go to their tables, tables over their target size give up the people who fit worst,
 * and newcomers take the free places where they meet the fewest people again. The result has the
 * layout's sizes exactly, so the search can start from it; rounds the earlier plan lacks are left out.
 * `counts` holds the history and is left as it was.
 */
export function warmSchedule(
  instance: Instance,
  counts: PairCounts,
  warm: Round[],
  roundCount: number,
  weights: MatchWeights,
  prng: Prng,
): number[][][] {
  const schedule: number[][][] = [];
  for (const round of warm.slice(0, roundCount)) {
    const seating = fitRound(instance, counts, round, weights, prng);
    addSeating(counts, seating, 1);
    schedule.push(seating);
  }
  for (const seating of schedule) addSeating(counts, seating, -1);
  return schedule;
}

function fitRound(
  instance: Instance,
  counts: PairCounts,
  round: Round,
  weights: MatchWeights,
  prng: Prng,
): number[][] {
  const { layout, hostAt, indexOf, org } = instance;
  const hosts = new Set(hostAt.filter((h) => h >= 0));
  const placed = new Set<number>();
  const seating = layout.used.map((tableIndex, t) => {
    const members: number[] = [];
    if (hostAt[t]! >= 0) {
      members.push(hostAt[t]!);
      placed.add(hostAt[t]!);
    }
    for (const id of round[tableIndex] ?? []) {
      const p = indexOf.get(id);
      if (p === undefined || placed.has(p) || hosts.has(p)) continue;
      members.push(p);
      placed.add(p);
    }
    return members;
  });
  const cost = (p: number, members: number[]) => {
    let sum = 0;
    for (const q of members) {
      if (q === p) continue;
      sum += repeatCost(counts.get(p, q));
      if (org[p]! >= 0 && org[p] === org[q]) sum += weights.sameOrg;
    }
    return sum;
  };

  const pool: number[] = [];
  seating.forEach((members, t) => {
    while (members.length > layout.sizes[t]!) {
      let worst = -1;
      let worstCost = Number.NEGATIVE_INFINITY;
      members.forEach((p, i) => {
        if (p === hostAt[t]) return;
        const c = cost(p, members);
        if (c > worstCost) {
          worstCost = c;
          worst = i;
        }
      });
      pool.push(members.splice(worst, 1)[0]!);
    }
  });
  for (let p = 0; p < instance.people.length; p++) if (!placed.has(p)) pool.push(p);
  for (const p of shuffleInPlace(pool, prng)) {
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    seating.forEach((members, t) => {
      if (members.length >= layout.sizes[t]!) return;
      // Emptier tables first on ties, so sizes fill evenly.
      const c = cost(p, members) + members.length * 1e-6;
      if (c < bestCost) {
        bestCost = c;
        best = t;
      }
    });
    seating[best]!.push(p);
  }
  return seating;
}
