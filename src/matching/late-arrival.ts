import { CapacityError } from './capacity-error.js';
import { normaliseOrganisation } from './instance.js';
import { seatsOf } from './layout.js';
import { DEFAULT_WEIGHTS, repeatCost } from './objective.js';
import type { MatchPerson, MatchTable, MatchWeights, Round } from './types.js';

export interface LateArrivalInput {
  person: MatchPerson;
  round: Round;
  tables: MatchTable[];
  people: MatchPerson[];
  history: Round[];
  weights?: Partial<MatchWeights>;
}

/** What the cost of a table reads of the people at it, tallied. */
interface TableTally {
  orgs: Map<string, number>;
  roles: Map<string, number>;
  stages: Map<number, number>;
  interests: Map<string, number>;
}

const emptyTally = (): TableTally => ({
  orgs: new Map(),
  roles: new Map(),
  stages: new Map(),
  interests: new Map(),
});

const count = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);

/**
 * One live round that late arrivals join one after the other, nobody moving: each takes the table
 * `seatLateArrival` describes and sits there for whoever comes next. What a table's cost reads of its
 * people (how many, their organisations, roles, stages and interests) is tallied once and kept as
 * people sit, so an arrival costs the number of tables, not the number of people seated: a burst of
 * late arrivals at 2,000 people read every seated profile for each of them.
 */
export class LateArrivals {
  private readonly tables: MatchTable[];
  private readonly weights: MatchWeights;
  private readonly profiles: Map<string, MatchPerson>;
  private readonly tableOf = new Map<string, number>();
  private readonly occupancy: number[];
  /** Each table's seats. */
  private readonly capacity: number[];
  private readonly tallies: TableTally[];
  private readonly history: Round[];
  /** person → the earlier rounds' tables they sat at, indexed at the first arrival */
  private pastTables: Map<string, string[][]> | undefined;

  constructor(input: Omit<LateArrivalInput, 'person'>) {
    this.tables = input.tables;
    this.weights = { ...DEFAULT_WEIGHTS, ...input.weights };
    this.history = input.history;
    this.profiles = new Map(input.people.map((p) => [p.id, p]));
    this.occupancy = this.tables.map(() => 0);
    this.capacity = this.tables.map(seatsOf);
    this.tallies = this.tables.map(emptyTally);
    for (const [t, ids] of input.round.entries()) {
      if (t >= this.tables.length) continue;
      for (const id of ids ?? []) this.sit(id, t);
    }
  }

  /**
   * The table `person` should take (see seatLateArrival); they sit there from now on. The person
   * need not be among the people the room was made with: a room kept for later arrivals meets new ones.
   */
  seat(person: MatchPerson): number {
    const t = this.choose(person);
    this.sitDown(person, t);
    return t;
  }

  /** Someone sits down at table `t` for another reason (a wish): the next arrivals see them there. */
  sitDown(person: MatchPerson, t: number): void {
    if (this.tableOf.has(person.id)) return;
    if (!this.profiles.has(person.id)) this.profiles.set(person.id, person);
    this.sit(person.id, t);
  }

  /** The table `person` should take, without sitting down. */
  choose(person: MatchPerson): number {
    const seatedAt = this.tableOf.get(person.id);
    if (seatedAt !== undefined) return seatedAt;
    const { occupancy, tables, weights } = this;
    const candidates = this.candidates();
    if (candidates.length === 0) {
      const seats = this.capacity.reduce((sum, n) => sum + n, 0);
      throw new CapacityError(occupancy.reduce((a, b) => a + b, 0) + 1, seats);
    }

    // The repeats a table would bring: only the people met before count, wherever they sit now.
    const repeats = new Map<number, number>();
    for (const [id, times] of this.metBy(person.id)) {
      const t = this.tableOf.get(id);
      if (t !== undefined) repeats.set(t, (repeats.get(t) ?? 0) + repeatCost(times));
    }
    const org = normaliseOrganisation(person.organisation);
    const interests = new Set(person.interests);
    const smallest = Math.min(...candidates.map((t) => occupancy[t]!));

    let best = candidates[0]!;
    let bestCost = Number.POSITIVE_INFINITY;
    for (const t of candidates) {
      const tally = this.tallies[t]!;
      let cost = (weights.sameOrg / 2) * (occupancy[t]! - smallest) + (repeats.get(t) ?? 0);
      if (org !== null) cost += weights.sameOrg * (tally.orgs.get(org) ?? 0);
      if (person.role) cost += weights.roleMix * (tally.roles.get(person.role) ?? 0);
      if (person.stage !== null) cost += weights.stageMix * (tally.stages.get(person.stage) ?? 0);
      let shares = false;
      for (const interest of interests) if (tally.interests.has(interest)) shares = true;
      if (interests.size > 0 && !shares && occupancy[t]! > 0) cost += weights.interestHook;
      const topic = tables[t]!.topic;
      if (topic && !interests.has(topic)) cost += weights.topic;
      if (cost < bestCost) {
        bestCost = cost;
        best = t;
      }
    }
    return best;
  }

  /**
   * The tables an arrival may take: in use with a free seat; else in use (above its seats); else,
   * nobody seated yet, any with a seat. One pass in the common case: a burst of arrivals at 5,000
   * people asks this of some 800 tables for each.
   */
  private candidates(): number[] {
    const { occupancy, capacity } = this;
    const withSeat: number[] = [];
    let inUse = false;
    for (let t = 0; t < capacity.length; t++) {
      if (occupancy[t]! === 0) continue;
      inUse = true;
      if (capacity[t]! > occupancy[t]!) withSeat.push(t);
    }
    if (withSeat.length > 0) return withSeat;
    const all = capacity.map((_, t) => t);
    return inUse ? all.filter((t) => occupancy[t]! > 0) : all.filter((t) => capacity[t]! > 0);
  }

  private sit(id: string, t: number): void {
    this.occupancy[t]! += 1;
    if (this.tableOf.has(id)) return;
    this.tableOf.set(id, t);
    const profile = this.profiles.get(id);
    if (!profile) return;
    const tally = this.tallies[t]!;
    const org = normaliseOrganisation(profile.organisation);
    if (org !== null) count(tally.orgs, org);
    if (profile.role) count(tally.roles, profile.role);
    if (profile.stage !== null) count(tally.stages, profile.stage);
    for (const interest of new Set(profile.interests)) count(tally.interests, interest);
  }

  /** Everyone the person shared a table with in the earlier rounds, and how often. */
  private metBy(id: string): Map<string, number> {
    if (!this.pastTables) {
      this.pastTables = new Map();
      for (const earlier of this.history)
        for (const table of earlier)
          for (const someone of new Set(table)) {
            const at = this.pastTables.get(someone);
            if (at) at.push(table);
            else this.pastTables.set(someone, [table]);
          }
    }
    const met = new Map<string, number>();
    for (const table of this.pastTables.get(id) ?? [])
      for (const other of table) if (other !== id) met.set(other, (met.get(other) ?? 0) + 1);
    return met;
  }
}

/**
 * The table a person joining a live round should take, nobody moves. Repeats and colleagues weigh
 * most, then keeping tables even, then mix, shared interests and topic. Nobody sits alone: a table in
 * use with a free seat first, else a table in use above its seats (the caller tells the moderator);
 * an empty table only when nobody is seated yet.
 */
export function seatLateArrival(input: LateArrivalInput): number {
  return new LateArrivals(input).choose(input.person);
}
