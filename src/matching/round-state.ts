import type { Instance } from './instance.js';
import type { PairCounts } from './pair-counts.js';
import type { MatchWeights } from './types.js';
import { repeatCost } from './weights.js';

/**
 * One round's seating with per-table tallies of roles, stages and interests, so a swap of two people
 * is priced in O(table size) instead of re-scoring the room.
 */
export class RoundState {
  readonly tableOf: Int32Array;
  readonly members: Int32Array[];
  private readonly slot: Int32Array;
  private readonly roleCount: Int32Array;
  private readonly stageCount: Int32Array;
  private readonly interestCount: Int32Array;

  constructor(
    readonly instance: Instance,
    readonly counts: PairCounts,
    readonly weights: MatchWeights,
    seating: number[][],
  ) {
    const n = instance.people.length;
    this.tableOf = new Int32Array(n).fill(-1);
    this.slot = new Int32Array(n);
    this.members = seating.map((table) => Int32Array.from(table));
    this.roleCount = new Int32Array(seating.length * Math.max(1, instance.roleCount));
    this.stageCount = new Int32Array(seating.length * Math.max(1, instance.stageCount));
    this.interestCount = new Int32Array(seating.length * Math.max(1, instance.interestCount));
    seating.forEach((table, t) => {
      table.forEach((person, position) => {
        this.tableOf[person] = t;
        this.slot[person] = position;
        this.tally(person, t, 1);
      });
    });
  }

  private tally(person: number, t: number, delta: number): void {
    const { role, stage, roleCount, stageCount, interestCount, interests } = this.instance;
    if (role[person]! >= 0) this.roleCount[t * roleCount + role[person]!]! += delta;
    if (stage[person]! >= 0) this.stageCount[t * stageCount + stage[person]!]! += delta;
    for (const interest of interests[person]!) this.interestCount[t * interestCount + interest]! += delta;
  }

  pairCost(a: number, b: number): number {
    const org = this.instance.org;
    const sameOrg = org[a]! >= 0 && org[a] === org[b] ? this.weights.sameOrg : 0;
    return repeatCost(this.counts.get(a, b)) + sameOrg;
  }

  topicCost(person: number, t: number): number {
    const topic = this.instance.topicAt[t]!;
    if (topic < 0) return 0;
    return this.instance.hasInterest[person * this.instance.interestCount + topic] ? 0 : this.weights.topic;
  }

  /** People with interests at table t who share none with a mate, with `out` replaced by `into`. */
  unhooked(t: number, out = -1, into = -1): number {
    const { interests, hasInterest, interestCount } = this.instance;
    const counts = this.interestCount;
    const countAfter = (interest: number) =>
      counts[t * interestCount + interest]! -
      (out >= 0 ? hasInterest[out * interestCount + interest]! : 0) +
      (into >= 0 ? hasInterest[into * interestCount + interest]! : 0);
    let lonely = 0;
    const check = (person: number) => {
      const list = interests[person]!;
      if (list.length > 0 && !list.some((interest) => countAfter(interest) >= 2)) lonely++;
    };
    for (const person of this.members[t]!) if (person !== out) check(person);
    if (into >= 0) check(into);
    return lonely;
  }

  private duplicates(counts: Int32Array, width: number, t: number, out: number, into: number): number {
    // Change in (people − distinct values) at table t when `out` (value) leaves and `into` joins.
    if (out === into) return 0;
    let change = 0;
    if (out >= 0 && counts[t * width + out]! >= 2) change--;
    if (into >= 0 && counts[t * width + into]! >= 1) change++;
    return change;
  }

  swapDelta(p: number, q: number): number {
    const a = this.tableOf[p]!;
    const b = this.tableOf[q]!;
    let delta = 0;
    for (const x of this.members[a]!) if (x !== p) delta += this.pairCost(q, x) - this.pairCost(p, x);
    for (const y of this.members[b]!) if (y !== q) delta += this.pairCost(p, y) - this.pairCost(q, y);
    const { role, stage, roleCount, stageCount, interestCount } = this.instance;
    const w = this.weights;
    if (role[p] !== role[q]) {
      const change =
        this.duplicates(this.roleCount, roleCount, a, role[p]!, role[q]!) +
        this.duplicates(this.roleCount, roleCount, b, role[q]!, role[p]!);
      delta += w.roleMix * change;
    }
    if (stage[p] !== stage[q]) {
      const change =
        this.duplicates(this.stageCount, stageCount, a, stage[p]!, stage[q]!) +
        this.duplicates(this.stageCount, stageCount, b, stage[q]!, stage[p]!);
      delta += w.stageMix * change;
    }
    delta += this.topicCost(p, b) + this.topicCost(q, a) - this.topicCost(p, a) - this.topicCost(q, b);
    if (w.interestHook > 0 && interestCount > 0) {
      const before = this.unhooked(a) + this.unhooked(b);
      delta += w.interestHook * (this.unhooked(a, p, q) + this.unhooked(b, q, p) - before);
    }
    return delta;
  }

  swap(p: number, q: number): void {
    const a = this.tableOf[p]!;
    const b = this.tableOf[q]!;
    const slotP = this.slot[p]!;
    const slotQ = this.slot[q]!;
    this.tally(p, a, -1);
    this.tally(q, b, -1);
    this.members[a]![slotP] = q;
    this.members[b]![slotQ] = p;
    this.tableOf[p] = b;
    this.tableOf[q] = a;
    this.slot[p] = slotQ;
    this.slot[q] = slotP;
    this.tally(p, b, 1);
    this.tally(q, a, 1);
  }

  /** Puts `person` at (t, position), sending that seat's occupant to the person's old seat. */
  placeAt(person: number, t: number, position: number): void {
    const occupant = this.members[t]![position]!;
    if (occupant === person) return;
    if (this.tableOf[person] !== t) {
      this.swap(person, occupant);
      return;
    }
    const old = this.slot[person]!;
    this.members[t]![old] = occupant;
    this.members[t]![position] = person;
    this.slot[occupant] = old;
    this.slot[person] = position;
  }

  /** What person p's seat costs: the search picks its next move among the most expensive people. */
  personalCost(p: number): number {
    const t = this.tableOf[p]!;
    const { role, stage, roleCount, stageCount, interests, interestCount } = this.instance;
    let cost = this.topicCost(p, t);
    for (const x of this.members[t]!) if (x !== p) cost += this.pairCost(p, x);
    if (role[p]! >= 0 && this.roleCount[t * roleCount + role[p]!]! >= 2) cost += this.weights.roleMix;
    if (stage[p]! >= 0 && this.stageCount[t * stageCount + stage[p]!]! >= 2) cost += this.weights.stageMix;
    const list = interests[p]!;
    if (list.length > 0 && !list.some((i) => this.interestCount[t * interestCount + i]! >= 2))
      cost += this.weights.interestHook;
    return cost;
  }

  totalCost(): number {
    const { role, stage } = this.instance;
    let cost = 0;
    this.members.forEach((table, t) => {
      for (let i = 0; i < table.length; i++) {
        cost += this.topicCost(table[i]!, t);
        for (let j = i + 1; j < table.length; j++) cost += this.pairCost(table[i]!, table[j]!);
      }
      const roles = new Set(Array.from(table, (p) => role[p]!).filter((r) => r >= 0));
      const stages = new Set(Array.from(table, (p) => stage[p]!).filter((s) => s >= 0));
      const withRole = table.filter((p) => role[p]! >= 0).length;
      const withStage = table.filter((p) => stage[p]! >= 0).length;
      cost +=
        this.weights.roleMix * (withRole - roles.size) + this.weights.stageMix * (withStage - stages.size);
      if (this.weights.interestHook > 0) cost += this.weights.interestHook * this.unhooked(t);
    });
    return cost;
  }

  seating(): number[][] {
    return this.members.map((table) => Array.from(table));
  }
}
