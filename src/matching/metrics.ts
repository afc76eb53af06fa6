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

function attributeTally(round: Round, byId: Map<string, MatchPerson>): RoundTally {
  const tally: RoundTally = {
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
  };
  const tables = round.map((table) => table.map((id) => byId.get(id)).filter((p) => p !== undefined));
  const used = round.filter((table) => table.length > 0);
  if (used.length > 0) {
    const sizes = used.map((table) => table.length);
    tally.sizeSpread = Math.max(...sizes) - Math.min(...sizes);
  }
  const roleTotals = new Map<string, number>();
  const stageTotals = new Map<number, number>();
  for (const table of tables) {
    const orgs = table.map((person) => normaliseOrganisation(person.organisation));
    for (let i = 0; i < orgs.length; i++)
      for (let j = i + 1; j < orgs.length; j++)
        if (orgs[i] !== null && orgs[i] === orgs[j]) tally.sameOrgPairs++;
    const roles = new Set(table.flatMap((person) => (person.role ? [person.role] : [])));
    const stages = new Set(table.flatMap((person) => (person.stage === null ? [] : [person.stage])));
    tally.roleSpread += roles.size;
    tally.stageSpread += stages.size;
    for (const person of table) {
      if (person.role) roleTotals.set(person.role, (roleTotals.get(person.role) ?? 0) + 1);
      if (person.stage !== null) stageTotals.set(person.stage, (stageTotals.get(person.stage) ?? 0) + 1);
      if (person.interests.length === 0) continue;
      tally.hookable++;
      const mine = new Set(person.interests);
      if (table.some((mate) => mate !== person && mate.interests.some((i) => mine.has(i)))) tally.hooked++;
    }
  }
  for (const total of roleTotals.values()) tally.roleIdeal += Math.min(total, used.length);
  for (const total of stageTotals.values()) tally.stageIdeal += Math.min(total, used.length);
  return tally;
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
