import { normaliseOrganisation } from './instance.js';
import type { MatchPerson, Metrics, Round } from './types.js';

/** Numbers every id seen, so pairs can be counted with numeric keys (fast for thousands of people). */
function indexIds(people: MatchPerson[], rounds: Round[]): Map<string, number> {
  const index = new Map<string, number>();
  for (const person of people) if (!index.has(person.id)) index.set(person.id, index.size);
  for (const round of rounds)
    for (const table of round) for (const id of table) if (!index.has(id)) index.set(id, index.size);
  return index;
}

function countPairs(rounds: Round[], index: Map<string, number>, counts: Map<number, number>): void {
  const size = index.size;
  for (const round of rounds) {
    for (const table of round) {
      const members = [...new Set(table.map((id) => index.get(id)!))].sort((a, b) => a - b);
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          const key = members[i]! * size + members[j]!;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      }
    }
  }
}

/**
 * The metrics of `rounds` (defined in docs/matching.md, "Metrics"). Meetings in `history` count as earlier meetings, so `repeats`
 * are the repeat encounters `rounds` add and `maxMeetings` is the most any pair meeting in `rounds`
 * has met in total; the other figures describe `rounds` alone.
 */
export function measure(rounds: Round[], people: MatchPerson[], history: Round[] = []): Metrics {
  const index = indexIds(people, [...history, ...rounds]);
  const earlier = new Map<number, number>();
  countPairs(history, index, earlier);
  const now = new Map<number, number>();
  countPairs(rounds, index, now);
  let repeats = 0;
  let maxMeetings = 0;
  for (const [key, times] of now) {
    const before = earlier.get(key) ?? 0;
    repeats += Math.max(0, before + times - 1) - Math.max(0, before - 1);
    maxMeetings = Math.max(maxMeetings, before + times);
  }

  const byId = new Map(people.map((person) => [person.id, person]));
  let sameOrgPairs = 0;
  let roleSpread = 0;
  let roleIdeal = 0;
  let stageSpread = 0;
  let stageIdeal = 0;
  let hooked = 0;
  let hookable = 0;
  let sizeSpread = 0;
  for (const round of rounds) {
    const tables = round.map((table) => table.map((id) => byId.get(id)).filter((p) => p !== undefined));
    const used = round.filter((table) => table.length > 0);
    if (used.length > 0) {
      const sizes = used.map((table) => table.length);
      sizeSpread = Math.max(sizeSpread, Math.max(...sizes) - Math.min(...sizes));
    }
    const roleTotals = new Map<string, number>();
    const stageTotals = new Map<number, number>();
    for (const table of tables) {
      const orgs = table.map((person) => normaliseOrganisation(person.organisation));
      for (let i = 0; i < orgs.length; i++)
        for (let j = i + 1; j < orgs.length; j++) if (orgs[i] !== null && orgs[i] === orgs[j]) sameOrgPairs++;
      const roles = new Set(table.flatMap((person) => (person.role ? [person.role] : [])));
      const stages = new Set(table.flatMap((person) => (person.stage === null ? [] : [person.stage])));
      roleSpread += roles.size;
      stageSpread += stages.size;
      for (const person of table) {
        if (person.role) roleTotals.set(person.role, (roleTotals.get(person.role) ?? 0) + 1);
        if (person.stage !== null) stageTotals.set(person.stage, (stageTotals.get(person.stage) ?? 0) + 1);
        if (person.interests.length === 0) continue;
        hookable++;
        const mine = new Set(person.interests);
        if (table.some((mate) => mate !== person && mate.interests.some((i) => mine.has(i)))) hooked++;
      }
    }
    for (const total of roleTotals.values()) roleIdeal += Math.min(total, used.length);
    for (const total of stageTotals.values()) stageIdeal += Math.min(total, used.length);
  }
  const ratio = (value: number, ideal: number) => (ideal === 0 ? 1 : value / ideal);
  return {
    rounds: rounds.length,
    repeats,
    maxMeetings,
    sameOrgPairs,
    roleMix: ratio(roleSpread, roleIdeal),
    stageMix: ratio(stageSpread, stageIdeal),
    interestHook: ratio(hooked, hookable),
    sizeSpread,
  };
}
