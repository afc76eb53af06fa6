import type { SearchBudget } from './budget.js';
import type { Instance } from './instance.js';
import { repeatCost } from './objective.js';
import type { PairCounts } from './pair-counts.js';
import type { Prng } from './prng.js';

const MAX_CONFLICTS_PER_STEP = 24;
/** Big rooms price a random sample of partners instead of everyone. */
const FULL_SCAN_LIMIT = 600;
const SAMPLE_SIZE = 300;
/** Restarts from the best schedule without any gain before the repair accepts it as final. */
const MAX_FRUITLESS_KICKS = 20;
const REPEAT_COSTS = Float64Array.from({ length: 257 }, (_, times) => repeatCost(times));

/**
 * Whole-schedule repair of repeat encounters (Dotú & Van Hentenryck): pick a person who meets someone
 * again in some round, swap them with whoever at another table of that round lowers the conflicts
 * most, keep a tabu list of recently moved (round, person), and kick from the best schedule when stuck.
 * `counts` holds history plus every round of `schedule` and is kept up to date.
 */
export function repairSchedule(
  instance: Instance,
  counts: PairCounts,
  schedule: number[][][],
  sameOrgWeight: number,
  prng: Prng,
  budget: SearchBudget,
): number {
  const n = instance.people.length;
  const rounds = schedule.length;
  const hosts = new Set(instance.hostAt);
  const movable = Array.from({ length: n }, (_, p) => p).filter((p) => !hosts.has(p));
  if (rounds === 0 || movable.length < 2 || schedule[0]!.length < 2) return 0;
  const org = instance.org;
  const tableOf = schedule.map((round) => {
    const of = new Int32Array(n);
    round.forEach((table, t) => {
      for (const p of table) of[p] = t;
    });
    return of;
  });
  const orgCost = (a: number, b: number) => (org[a]! >= 0 && org[a] === org[b] ? sameOrgWeight : 0);
  const dense = counts.dense;
  const meet = dense === null ? counts.get : (a: number, b: number) => dense[a * n + b]!;
  // Pricing a swap is the hot loop: plain indexing, no allocation.
  const sideDelta = (table: number[], leaving: number, joining: number) => {
    const orgLeaving = org[leaving]!;
    const orgJoining = org[joining]!;
    let d = 0;
    for (let i = 0; i < table.length; i++) {
      const x = table[i]!;
      if (x === leaving) continue;
      d += REPEAT_COSTS[meet(joining, x)]! - REPEAT_COSTS[meet(leaving, x) - 1]!;
      const orgX = org[x]!;
      if (orgX >= 0)
        d += (orgX === orgJoining ? sameOrgWeight : 0) - (orgX === orgLeaving ? sameOrgWeight : 0);
    }
    return d;
  };
  const conflict = (r: number, p: number) => {
    let c = 0;
    for (const x of schedule[r]![tableOf[r]![p]!]!)
      if (x !== p) c += (meet(p, x) >= 2 ? 1000 : 0) + orgCost(p, x);
    return c;
  };
  const delta = (r: number, p: number, q: number) => {
    const round = schedule[r]!;
    const of = tableOf[r]!;
    return sideDelta(round[of[p]!]!, p, q) + sideDelta(round[of[q]!]!, q, p);
  };
  const swap = (r: number, p: number, q: number) => {
    const a = tableOf[r]![p]!;
    const b = tableOf[r]![q]!;
    const tableA = schedule[r]![a]!;
    const tableB = schedule[r]![b]!;
    for (const x of tableA) {
      if (x === p) continue;
      counts.add(p, x, -1);
      counts.add(q, x, 1);
    }
    for (const y of tableB) {
      if (y === q) continue;
      counts.add(q, y, -1);
      counts.add(p, y, 1);
    }
    tableA[tableA.indexOf(p)] = q;
    tableB[tableB.indexOf(q)] = p;
    tableOf[r]![p] = b;
    tableOf[r]![q] = a;
  };

  const tabuUntil = new Int32Array(rounds * n);
  let cost = 0;
  let bestCost = 0;
  let best = schedule.map((round) => round.map((table) => [...table]));
  const restoreBest = () => {
    for (let r = 0; r < rounds; r++) {
      for (let t = 0; t < best[r]!.length; t++) {
        for (const p of best[r]![t]!) {
          if (tableOf[r]![p] !== t) {
            const q = schedule[r]![t]!.find((x) => !best[r]![t]!.includes(x))!;
            swap(r, p, q);
          }
        }
      }
    }
  };
  const stall = 200 + 4 * n;
  let lastImprovement = 0;
  let spent = 0;
  let fruitlessKicks = 0;
  for (let iteration = 1; spent < budget.evaluations; iteration++) {
    if ((iteration & 63) === 0 && Date.now() > budget.deadline) break;
    const conflicted = listConflicts(rounds, movable, conflict);
    if (conflicted.length === 0) break;
    let bestDelta = Number.POSITIVE_INFINITY;
    let round = -1;
    let p = -1;
    let bestQ = -1;
    let ties = 0;
    const picks = Math.min(conflicted.length, MAX_CONFLICTS_PER_STEP);
    const lookups = 2 * (schedule[0]![0]!.length || 1);
    for (let k = 0; k < picks; k++) {
      const [r, candidate] =
        picks === conflicted.length ? conflicted[k]! : conflicted[prng.int(conflicted.length)]!;
      const sampled = movable.length > FULL_SCAN_LIMIT;
      for (let k2 = 0; k2 < (sampled ? SAMPLE_SIZE : movable.length); k2++) {
        const q = sampled ? movable[prng.int(movable.length)]! : movable[k2]!;
        if (tableOf[r]![q] === tableOf[r]![candidate]) continue;
        const d = delta(r, candidate, q);
        spent += lookups;
        const tabu = tabuUntil[r * n + q]! > iteration || tabuUntil[r * n + candidate]! > iteration;
        if (tabu && cost + d >= bestCost) continue;
        if (d < bestDelta) {
          bestDelta = d;
          round = r;
          p = candidate;
          bestQ = q;
          ties = 1;
        } else if (d === bestDelta && prng.int(++ties) === 0) {
          round = r;
          p = candidate;
          bestQ = q;
        }
      }
    }
    if (bestQ < 0) continue;
    swap(round, p, bestQ);
    cost += bestDelta;
    const tenure = 8 + prng.int(20);
    tabuUntil[round * n + p] = iteration + tenure;
    tabuUntil[round * n + bestQ] = iteration + tenure;
    if (cost < bestCost - 1e-9) {
      bestCost = cost;
      best = schedule.map((r) => r.map((table) => [...table]));
      fruitlessKicks = 0;
      lastImprovement = iteration;
    } else if (iteration - lastImprovement > stall) {
      if (++fruitlessKicks > MAX_FRUITLESS_KICKS) break;
      restoreBest();
      cost = bestCost;
      for (let kick = 0; kick < 2 + (n >> 4); kick++) {
        const r = prng.int(rounds);
        const a = movable[prng.int(movable.length)]!;
        const b = movable[prng.int(movable.length)]!;
        if (tableOf[r]![a] !== tableOf[r]![b]) {
          cost += delta(r, a, b);
          swap(r, a, b);
        }
      }
      lastImprovement = iteration;
    }
  }
  restoreBest();
  return spent;
}

function listConflicts(
  rounds: number,
  movable: number[],
  conflict: (r: number, p: number) => number,
): [number, number][] {
  const found: [number, number][] = [];
  for (let r = 0; r < rounds; r++) for (const p of movable) if (conflict(r, p) > 0) found.push([r, p]);
  return found;
}
