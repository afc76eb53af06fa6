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

interface Profile {
  profile: MatchPerson;
  /** The organisation as colleagues are told apart. */
  org: string | null;
}

// Built once per list of people: several arrivals seated in a row against one room share it.
const profiles = new WeakMap<MatchPerson[], Map<string, Profile>>();

function profilesOf(people: MatchPerson[]): Map<string, Profile> {
  let byId = profiles.get(people);
  if (!byId) {
    byId = new Map(people.map((p) => [p.id, { profile: p, org: normaliseOrganisation(p.organisation) }]));
    profiles.set(people, byId);
  }
  return byId;
}

/**
 * The table a person joining a live round should take, nobody moves. Repeats and colleagues weigh
 * most, then keeping tables even, then mix, shared interests and topic. Nobody sits alone: a table in
 * use with a free seat first, else a table in use above its seats (the caller tells the moderator);
 * an empty table only when nobody is seated yet.
 */
export function seatLateArrival(input: LateArrivalInput): number {
  const { person, round, tables } = input;
  const weights = { ...DEFAULT_WEIGHTS, ...input.weights };
  const seatedAt = round.findIndex((table) => table?.includes(person.id));
  if (seatedAt >= 0) return seatedAt;
  const occupancy = tables.map((_, t) => round[t]?.length ?? 0);
  const free = tables.map((table, t) => seatsOf(table) - occupancy[t]!);
  const inUse = tables.map((_, t) => t).filter((t) => occupancy[t]! > 0);
  const withSeat = inUse.filter((t) => free[t]! > 0);
  const candidates =
    withSeat.length > 0
      ? withSeat
      : inUse.length > 0
        ? inUse
        : tables.map((_, t) => t).filter((t) => free[t]! > 0);
  if (candidates.length === 0) {
    const seats = tables.reduce((sum, table) => sum + seatsOf(table), 0);
    throw new CapacityError(occupancy.reduce((a, b) => a + b, 0) + 1, seats);
  }

  const met = new Map<string, number>();
  for (const earlier of input.history)
    for (const table of earlier)
      if (table.includes(person.id))
        for (const id of table) if (id !== person.id) met.set(id, (met.get(id) ?? 0) + 1);
  const byId = profilesOf(input.people);
  const org = normaliseOrganisation(person.organisation);
  const interests = new Set(person.interests);
  const smallest = Math.min(...candidates.map((t) => occupancy[t]!));

  let best = candidates[0]!;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const t of candidates) {
    const mates = round[t] ?? [];
    let cost = (weights.sameOrg / 2) * (occupancy[t]! - smallest);
    let shares = false;
    for (const id of mates) {
      cost += repeatCost(met.get(id) ?? 0);
      const known = byId.get(id);
      if (!known) continue;
      const { profile } = known;
      if (org !== null && known.org === org) cost += weights.sameOrg;
      if (person.role && profile.role === person.role) cost += weights.roleMix;
      if (person.stage !== null && profile.stage === person.stage) cost += weights.stageMix;
      if (profile.interests.some((interest) => interests.has(interest))) shares = true;
    }
    if (interests.size > 0 && !shares && mates.length > 0) cost += weights.interestHook;
    const topic = tables[t]!.topic;
    if (topic && !interests.has(topic)) cost += weights.topic;
    if (cost < bestCost) {
      bestCost = cost;
      best = t;
    }
  }
  return best;
}
