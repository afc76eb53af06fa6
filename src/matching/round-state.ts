import type { Instance } from './instance.js';
import { repeatCost } from './objective.js';
import type { PairCounts } from './pair-counts.js';
import type { MatchWeights } from './types.js';

const REPEAT_COSTS = Float64Array.from({ length: 256 }, (_, times) => repeatCost(times));

/**
 * One round's seating with per-table tallies of roles and stages and, per person, how many table
 * mates share an interest, so a swap of two people is priced in O(table size).
 */
export class RoundState {
  readonly tableOf: Int32Array;
  readonly members: Int32Array[];
  private readonly slot: Int32Array;
  private readonly roleCount: Int32Array;
  private readonly stageCount: Int32Array;
  /** Table mates sharing at least one interest, per person. */
  private readonly sharing: Int32Array;
  private readonly n: number;
  private readonly dense: Uint8Array | null;

  constructor(
    readonly instance: Instance,
    readonly counts: PairCounts,
    readonly weights: MatchWeights,
    seating: number[][],
  ) {
    const n = instance.people.length;
    this.n = n;
    this.dense = counts.dense;
    this.tableOf = new Int32Array(n).fill(-1);
    this.slot = new Int32Array(n);
    this.sharing = new Int32Array(n);
    this.members = seating.map((table) => Int32Array.from(table));
    this.roleCount = new Int32Array(seating.length * Math.max(1, instance.roleCount));
    this.stageCount = new Int32Array(seating.length * Math.max(1, instance.stageCount));
    seating.forEach((table, t) => {
      table.forEach((person, position) => {
        this.tableOf[person] = t;
        this.slot[person] = position;
        this.tally(person, t, 1);
        for (const mate of table) if (mate !== person && this.shares(person, mate)) this.sharing[person]!++;
      });
    });
  }

  private tally(person: number, t: number, delta: number): void {
    const { role, stage, roleCount, stageCount } = this.instance;
    if (role[person]! >= 0) this.roleCount[t * roleCount + role[person]!]! += delta;
    if (stage[person]! >= 0) this.stageCount[t * stageCount + stage[person]!]! += delta;
  }

  shares(a: number, b: number): boolean {
    const { interestMask, maskWords } = this.instance;
    for (let w = 0; w < maskWords; w++)
      if ((interestMask[a * maskWords + w]! & interestMask[b * maskWords + w]!) !== 0) return true;
    return false;
  }

  pairCost(a: number, b: number): number {
    const org = this.instance.org;
    const times = this.dense === null ? this.counts.get(a, b) : this.dense[a * this.n + b]!;
    const cost = times === 0 ? 0 : REPEAT_COSTS[times]!;
    return org[a]! >= 0 && org[a] === org[b] ? cost + this.weights.sameOrg : cost;
  }

  topicCost(person: number, t: number): number {
    const topic = this.instance.topicAt[t]!;
    if (topic < 0) return 0;
    return this.instance.hasInterest[person * this.instance.interestCount + topic] ? 0 : this.weights.topic;
  }

  private hookable(person: number): boolean {
    return this.instance.interests[person]!.length > 0;
  }

  /** Change in unhooked people at `out`'s table when `into` takes `out`'s seat there. */
  private hookChange(out: number, into: number): number {
    let change = 0;
    let intoSharing = 0;
    for (const x of this.members[this.tableOf[out]!]!) {
      if (x === out) continue;
      const sharesOut = this.shares(x, out);
      const sharesInto = this.shares(x, into);
      if (sharesInto) intoSharing++;
      if (sharesOut === sharesInto || !this.hookable(x)) continue;
      const before = this.sharing[x]!;
      const after = before + (sharesInto ? 1 : 0) - (sharesOut ? 1 : 0);
      if (before === 0 && after > 0) change--;
      else if (before > 0 && after === 0) change++;
    }
    if (this.hookable(out) && this.sharing[out] === 0) change--;
    if (this.hookable(into) && intoSharing === 0) change++;
    return change;
  }

  private duplicates(counts: Int32Array, width: number, t: number, out: number, into: number): number {
    // Change in (people − distinct values) at table t when a value `out` leaves and `into` joins.
    let change = 0;
    if (out >= 0 && counts[t * width + out]! >= 2) change--;
    if (into >= 0 && counts[t * width + into]! - (into === out ? 1 : 0) >= 1) change++;
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
    if (this.instance.topicAt[a]! >= 0 || this.instance.topicAt[b]! >= 0)
      delta += this.topicCost(p, b) + this.topicCost(q, a) - this.topicCost(p, a) - this.topicCost(q, b);
    if (w.interestHook > 0 && interestCount > 0)
      delta += w.interestHook * (this.hookChange(p, q) + this.hookChange(q, p));
    return delta;
  }

  swap(p: number, q: number): void {
    const a = this.tableOf[p]!;
    const b = this.tableOf[q]!;
    this.leave(p, a);
    this.leave(q, b);
    const slotP = this.slot[p]!;
    this.members[a]![slotP] = q;
    this.members[b]![this.slot[q]!] = p;
    this.slot[p] = this.slot[q]!;
    this.slot[q] = slotP;
    this.tableOf[p] = b;
    this.tableOf[q] = a;
    this.join(p, b);
    this.join(q, a);
  }

  private leave(person: number, t: number): void {
    this.tally(person, t, -1);
    for (const x of this.members[t]!) if (x !== person && this.shares(x, person)) this.sharing[x]!--;
    this.sharing[person] = 0;
  }

  private join(person: number, t: number): void {
    this.tally(person, t, 1);
    for (const x of this.members[t]!) {
      if (x !== person && this.shares(x, person)) {
        this.sharing[x]!++;
        this.sharing[person]!++;
      }
    }
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
    const { role, stage, roleCount, stageCount } = this.instance;
    let cost = this.topicCost(p, t);
    for (const x of this.members[t]!) if (x !== p) cost += this.pairCost(p, x);
    if (role[p]! >= 0 && this.roleCount[t * roleCount + role[p]!]! >= 2) cost += this.weights.roleMix;
    if (stage[p]! >= 0 && this.stageCount[t * stageCount + stage[p]!]! >= 2) cost += this.weights.stageMix;
    if (this.hookable(p) && this.sharing[p] === 0) cost += this.weights.interestHook;
    return cost;
  }

  totalCost(): number {
    const { role, stage } = this.instance;
    let cost = 0;
    this.members.forEach((table, t) => {
      for (let i = 0; i < table.length; i++) {
        const p = table[i]!;
        cost += this.topicCost(p, t);
        if (this.hookable(p) && this.sharing[p] === 0) cost += this.weights.interestHook;
        for (let j = i + 1; j < table.length; j++) cost += this.pairCost(p, table[j]!);
      }
      const roles = new Set(Array.from(table, (p) => role[p]!).filter((r) => r >= 0));
      const stages = new Set(Array.from(table, (p) => stage[p]!).filter((s) => s >= 0));
      const withRole = table.filter((p) => role[p]! >= 0).length;
      const withStage = table.filter((p) => stage[p]! >= 0).length;
      cost +=
        this.weights.roleMix * (withRole - roles.size) + this.weights.stageMix * (withStage - stages.size);
    });
    return cost;
  }

  seating(): number[][] {
    return this.members.map((table) => Array.from(table));
  }
}
