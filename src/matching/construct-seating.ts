import type { Instance } from './instance.js';
import { repeatCost } from './objective.js';
import type { PairCounts } from './pair-counts.js';
import { type Prng, shuffleInPlace } from './prng.js';
import type { MatchWeights } from './types.js';

const SAMPLED_TABLES = 48;

/**
 * Greedy start in the spirit of Triska & Musliu: seat the hardest people first (members of big
 * organisations), each at the open table where they add the least cost, so the search starts close.
 */
export function constructSeating(
  instance: Instance,
  counts: PairCounts,
  weights: MatchWeights,
  prng: Prng,
): number[][] {
  const { layout, hostAt, org, role, stage, roleCount, stageCount, interests, interestCount, hasInterest } =
    instance;
  const tableCount = layout.used.length;
  const seating: number[][] = layout.used.map(() => []);
  const roles = new Int32Array(tableCount * Math.max(1, roleCount));
  const stages = new Int32Array(tableCount * Math.max(1, stageCount));
  const topics = new Int32Array(tableCount * Math.max(1, interestCount));
  const seat = (person: number, t: number) => {
    seating[t]!.push(person);
    if (role[person]! >= 0) roles[t * roleCount + role[person]!]!++;
    if (stage[person]! >= 0) stages[t * stageCount + stage[person]!]!++;
    for (const interest of interests[person]!) topics[t * interestCount + interest]!++;
  };
  hostAt.forEach((host, t) => {
    if (host >= 0) seat(host, t);
  });

  const orgSize = new Map<number, number>();
  for (const id of org) if (id >= 0) orgSize.set(id, (orgSize.get(id) ?? 0) + 1);
  const hosts = new Set(hostAt);
  const order = shuffleInPlace(
    instance.people.map((_, index) => index).filter((index) => !hosts.has(index)),
    prng,
  );
  order.sort((a, b) => (orgSize.get(org[b]!) ?? 0) - (orgSize.get(org[a]!) ?? 0));

  // Open tables, so a big room samples a few dozen of them per person instead of scanning hundreds.
  const open = layout.sizes.map((_, t) => t).filter((t) => seating[t]!.length < layout.sizes[t]!);
  for (const person of order) {
    let bestTable = -1;
    let bestSlot = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    const sampled = open.length > SAMPLED_TABLES;
    const start = prng.int(open.length);
    for (let k = 0; k < (sampled ? SAMPLED_TABLES : open.length); k++) {
      const slot = sampled ? prng.int(open.length) : (start + k) % open.length;
      const t = open[slot]!;
      const members = seating[t]!;
      let cost = members.length / layout.sizes[t]!;
      for (const mate of members) {
        cost += repeatCost(counts.get(person, mate));
        if (org[person]! >= 0 && org[person] === org[mate]) cost += weights.sameOrg;
      }
      if (role[person]! >= 0 && roles[t * roleCount + role[person]!]! > 0) cost += weights.roleMix;
      if (stage[person]! >= 0 && stages[t * stageCount + stage[person]!]! > 0) cost += weights.stageMix;
      const topic = instance.topicAt[t]!;
      if (topic >= 0 && !hasInterest[person * interestCount + topic]) cost += weights.topic;
      if (interests[person]!.some((interest) => topics[t * interestCount + interest]! > 0))
        cost -= weights.interestHook;
      if (cost < bestCost) {
        bestCost = cost;
        bestTable = t;
        bestSlot = slot;
      }
    }
    seat(person, bestTable);
    if (seating[bestTable]!.length >= layout.sizes[bestTable]!) {
      open[bestSlot] = open[open.length - 1]!;
      open.pop();
    }
  }
  return seating;
}
