import { normaliseOrganisation } from './instance.js';
import type { MatchPerson, Metrics, PlanStep, Round } from './types.js';

/** Numbers every id seen, so pairs can be counted with numeric keys (fast for thousands of people). */
function indexIds(people: MatchPerson[], rounds: Round[]): Map<string, number> {
  const index = new Map<string, number>();
  for (const person of people) if (!index.has(person.id)) index.set(person.id, index.size);
  for (const round of rounds)
    for (const table of round) for (const id of table) if (!index.has(id)) index.set(id, index.size);
  return index;
}

/** Each table's distinct members as numbers, ascending: the pairs are every (i, j) with i < j. */
function tableMembers(table: string[], index: Map<string, number>): number[] {
  return [...new Set(table.map((id) => index.get(id)!))].sort((a, b) => a - b);
}

function countPairs(rounds: Round[], index: Map<string, number>, counts: Map<number, number>): void {
  const size = index.size;
  for (const round of rounds) {
    for (const table of round) {
      const members = tableMembers(table, index);
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          const key = members[i]! * size + members[j]!;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      }
    }
  }
}

/** One round's raw figures; metrics of any run of rounds are sums (and maxima) of these. */
interface RoundTally {
  repeats: number;
  /** The most any pair of this round has met by the end of this round. */
  maxAfterRound: number;
  /** The most any pair of this round has met by the end of the last round measured. */
  maxAtEnd: number;
  sameOrgPairs: number;
  roleSpread: number;
  roleIdeal: number;
  stageSpread: number;
  stageIdeal: number;
  hooked: number;
  hookable: number;
  sizeSpread: number;
}

function tallyRounds(rounds: Round[], people: MatchPerson[], history: Round[]): RoundTally[] {
  const index = indexIds(people, [...history, ...rounds]);
  const size = index.size;
  const counts = new Map<number, number>();
  countPairs(history, index, counts);
  const byId = new Map(people.map((person) => [person.id, person]));
  const tallies = rounds.map((round) => {
    const tally = attributeTally(round, byId);
    for (const table of round) {
      const members = tableMembers(table, index);
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          const key = members[i]! * size + members[j]!;
          const times = (counts.get(key) ?? 0) + 1;
          counts.set(key, times);
          if (times > 1) tally.repeats++;
          tally.maxAfterRound = Math.max(tally.maxAfterRound, times);
        }
      }
    }
    return tally;
  });
  // The pairs' totals are final only now: a pair of round 1 may meet again in round 3.
  rounds.forEach((round, r) => {
    const tally = tallies[r]!;
    for (const table of round) {
      const members = tableMembers(table, index);
      for (let i = 0; i < members.length; i++)
        for (let j = i + 1; j < members.length; j++)
          tally.maxAtEnd = Math.max(tally.maxAtEnd, counts.get(members[i]! * size + members[j]!)!);
    }
  });
  return tallies;
}

const emptyTally = (): RoundTally => ({
  repeats: 0,
  maxAfterRound: 0,
  maxAtEnd: 0,
  sameOrgPairs: 0,
  roleSpread: 0,
  roleIdeal: 0,
  stageSpread: 0,
  stageIdeal: 0,
  hooked: 0,
  hookable: 0,
  sizeSpread: 0,
});

/** What one table adds to its round's tally of colleagues, mix and shared interests. */
interface TableParts {
  sameOrgPairs: number;
  roleSpread: number;
  stageSpread: number;
  hooked: number;
  hookable: number;
}

/** `table`: the people at it whose profile is known. */
function tableParts(table: MatchPerson[]): TableParts {
  const parts: TableParts = { sameOrgPairs: 0, roleSpread: 0, stageSpread: 0, hooked: 0, hookable: 0 };
  const orgs = table.map((person) => normaliseOrganisation(person.organisation));
  for (let i = 0; i < orgs.length; i++)
    for (let j = i + 1; j < orgs.length; j++)
      if (orgs[i] !== null && orgs[i] === orgs[j]) parts.sameOrgPairs++;
  parts.roleSpread = new Set(table.flatMap((person) => (person.role ? [person.role] : []))).size;
  parts.stageSpread = new Set(table.flatMap((person) => (person.stage === null ? [] : [person.stage]))).size;
  for (const person of table) {
    if (person.interests.length === 0) continue;
    parts.hookable++;
    const mine = new Set(person.interests);
    if (table.some((mate) => mate !== person && mate.interests.some((i) => mine.has(i)))) parts.hooked++;
  }
  return parts;
}

/** The round's own figures once each table's parts are summed: the ideal mix and the size spread. */
function roundWide(
  tally: RoundTally,
  sizes: number[],
  roleTotals: Map<string, number>,
  stageTotals: Map<number, number>,
): void {
  const used = sizes.filter((size) => size > 0);
  tally.sizeSpread = used.length > 0 ? Math.max(...used) - Math.min(...used) : 0;
  for (const total of roleTotals.values()) tally.roleIdeal += Math.min(total, used.length);
  for (const total of stageTotals.values()) tally.stageIdeal += Math.min(total, used.length);
}

function addParts(tally: RoundTally, parts: TableParts, sign = 1): void {
  tally.sameOrgPairs += sign * parts.sameOrgPairs;
  tally.roleSpread += sign * parts.roleSpread;
  tally.stageSpread += sign * parts.stageSpread;
  tally.hooked += sign * parts.hooked;
  tally.hookable += sign * parts.hookable;
}

function countProfile(
  person: MatchPerson,
  roleTotals: Map<string, number>,
  stageTotals: Map<number, number>,
): void {
  if (person.role) roleTotals.set(person.role, (roleTotals.get(person.role) ?? 0) + 1);
  if (person.stage !== null) stageTotals.set(person.stage, (stageTotals.get(person.stage) ?? 0) + 1);
}

function attributeTally(round: Round, byId: Map<string, MatchPerson>): RoundTally {
  const tally = emptyTally();
  const roleTotals = new Map<string, number>();
  const stageTotals = new Map<number, number>();
  for (const ids of round) {
    const table = ids.map((id) => byId.get(id)).filter((p) => p !== undefined);
    addParts(tally, tableParts(table));
    for (const person of table) countProfile(person, roleTotals, stageTotals);
  }
  roundWide(
    tally,
    round.map((table) => table.length),
    roleTotals,
    stageTotals,
  );
  return tally;
}

/** Every pair of a table's distinct members, each named once whatever the order they sit in. */
function* pairKeys(table: string[]): Generator<string> {
  const members = [...new Set(table)].sort();
  for (let i = 0; i < members.length; i++)
    for (let j = i + 1; j < members.length; j++) yield `${members[i]}\u0000${members[j]}`;
}

/**
 * The metrics of one round as people sit down in it one by one (a live round that late arrivals
 * join), kept per table: an arrival costs the pairs and profiles at their table, not the whole round
 * and its history measured again. Always equal to `measure([round], people, history)` of the round
 * as it stands, with the people it was made with and everyone seated since.
 */
export class RoundMeasure {
  private readonly byId: Map<string, MatchPerson>;
  /** Pairs met in the history (see pairKeys), and how often. */
  private readonly met = new Map<string, number>();
  private readonly tables: string[][];
  private readonly seated = new Set<string>();
  /** Per table: its colleagues, mix and interests, and its pairs' repeats and most meetings. */
  private readonly parts: TableParts[];
  private readonly pairs: { repeats: number; most: number }[];
  private readonly sum = emptyTally();
  private readonly roleTotals = new Map<string, number>();
  private readonly stageTotals = new Map<number, number>();

  constructor(round: Round, people: MatchPerson[], history: Round[]) {
    this.byId = new Map(people.map((person) => [person.id, person]));
    for (const earlier of history)
      for (const table of earlier)
        for (const key of pairKeys(table)) this.met.set(key, (this.met.get(key) ?? 0) + 1);
    this.tables = round.map((table) => [...table]);
    this.parts = [];
    this.pairs = [];
    for (const table of this.tables) {
      for (const id of table) this.seated.add(id);
      const profiles = this.profilesAt(table);
      this.parts.push(tableParts(profiles));
      addParts(this.sum, this.parts.at(-1)!);
      this.pairs.push(this.pairsAt(table));
      for (const person of profiles) this.count(person);
    }
  }

  /** `person` sits down at table `t` (they sit nowhere else in the round). */
  sitDown(person: MatchPerson, t: number): void {
    if (this.seated.has(person.id) || t >= this.tables.length) return;
    if (!this.byId.has(person.id)) this.byId.set(person.id, person);
    this.seated.add(person.id);
    const table = this.tables[t]!;
    table.push(person.id);
    addParts(this.sum, this.parts[t]!, -1);
    this.parts[t] = tableParts(this.profilesAt(table));
    addParts(this.sum, this.parts[t]!);
    this.pairs[t] = this.pairsAt(table);
    const profile = this.byId.get(person.id)!;
    this.count(profile);
  }

  metrics(): Metrics {
    const tally: RoundTally = { ...this.sum, roleIdeal: 0, stageIdeal: 0 };
    for (const { repeats, most } of this.pairs) {
      tally.repeats += repeats;
      tally.maxAfterRound = Math.max(tally.maxAfterRound, most);
    }
    tally.maxAtEnd = tally.maxAfterRound;
    roundWide(
      tally,
      this.tables.map((table) => table.length),
      this.roleTotals,
      this.stageTotals,
    );
    return combine([tally], true);
  }

  private profilesAt(table: string[]): MatchPerson[] {
    return table.map((id) => this.byId.get(id)).filter((p) => p !== undefined);
  }

  private count(person: MatchPerson): void {
    countProfile(person, this.roleTotals, this.stageTotals);
  }

  /** Repeats at the table and the most any of its pairs has met, this round included. */
  private pairsAt(table: string[]): { repeats: number; most: number } {
    let repeats = 0;
    let most = 0;
    for (const key of pairKeys(table)) {
      const times = (this.met.get(key) ?? 0) + 1;
      if (times > 1) repeats++;
      most = Math.max(most, times);
    }
    return { repeats, most };
  }
}

/** `lastIsEnd`: the run ends with the last round measured, so its pairs' totals are final. */
function combine(tallies: RoundTally[], lastIsEnd: boolean): Metrics {
  const sum = (key: keyof RoundTally) => tallies.reduce((total, t) => total + t[key], 0);
  const most = (key: keyof RoundTally) => tallies.reduce((top, t) => Math.max(top, t[key]), 0);
  const ratio = (value: number, ideal: number) => (ideal === 0 ? 1 : value / ideal);
  return {
    rounds: tallies.length,
    repeats: sum('repeats'),
    maxMeetings: most(lastIsEnd ? 'maxAtEnd' : 'maxAfterRound'),
    sameOrgPairs: sum('sameOrgPairs'),
    roleMix: ratio(sum('roleSpread'), sum('roleIdeal')),
    stageMix: ratio(sum('stageSpread'), sum('stageIdeal')),
    interestHook: ratio(sum('hooked'), sum('hookable')),
    sizeSpread: most('sizeSpread'),
  };
}

/**
 * The metrics of `rounds` (defined in docs/matching.md, "Metrics"). Meetings in `history` count as earlier meetings, so `repeats`
 * are the repeat encounters `rounds` add and `maxMeetings` is the most any pair meeting in `rounds`
 * has met in total; the other figures describe `rounds` alone.
 */
export function measure(rounds: Round[], people: MatchPerson[], history: Round[] = []): Metrics {
  return combine(tallyRounds(rounds, people, history), true);
}

/**
 * For each round k of a plan: its own metrics after the rounds before it, and the metrics of the
 * rounds after it once it was played — exactly `measure` of those runs, in one pass. A start then
 * stores the rest of the plan with its metrics without measuring the whole evening again.
 */
export function measureSteps(rounds: Round[], people: MatchPerson[], history: Round[] = []): PlanStep[] {
  const tallies = tallyRounds(rounds, people, history);
  return tallies.map((tally, k) => ({
    round: combine([tally], false),
    rest: combine(tallies.slice(k + 1), true),
  }));
}
