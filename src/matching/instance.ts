import { chooseLayout, seatsOf, type TableLayout } from './layout.js';
import type { MatchPerson, MatchTable, TableUse } from './types.js';

/** The present people and used tables as dense integer arrays, so the search never touches strings. */
export interface Instance {
  people: MatchPerson[];
  indexOf: Map<string, number>;
  /** Organisation id per person, -1 for none. */
  org: Int32Array;
  /** Role id per person, -1 for none. */
  role: Int32Array;
  roleCount: number;
  /** Stage per person, -1 for none. */
  stage: Int32Array;
  stageCount: number;
  interestCount: number;
  /** Interest ids per person. */
  interests: number[][];
  /** Row-major person × interest membership. */
  hasInterest: Uint8Array;
  /** Interest bitmasks, `maskWords` 32-bit words per person: sharing an interest is one AND. */
  interestMask: Uint32Array;
  maskWords: number;
  tables: MatchTable[];
  layout: TableLayout;
  /** Host person index per used table, -1 when none. */
  hostAt: number[];
  /** Topic interest id per used table, -1 when none. */
  topicAt: number[];
}

export function normaliseOrganisation(organisation: string | null): string | null {
  const key = organisation?.trim().toLowerCase() ?? '';
  return key === '' ? null : key;
}

function idOf(ids: Map<string, number>, key: string): number {
  let id = ids.get(key);
  if (id === undefined) {
    id = ids.size;
    ids.set(key, id);
  }
  return id;
}

export function buildInstance(
  inputPeople: MatchPerson[],
  tables: MatchTable[],
  tableUse?: TableUse,
): Instance {
  const indexOf = new Map<string, number>();
  const people: MatchPerson[] = [];
  for (const person of inputPeople) {
    if (indexOf.has(person.id)) continue;
    indexOf.set(person.id, people.length);
    people.push(person);
  }
  const n = people.length;
  const orgIds = new Map<string, number>();
  const roleIds = new Map<string, number>();
  const interestIds = new Map<string, number>();
  const org = new Int32Array(n);
  const role = new Int32Array(n);
  const stage = new Int32Array(n);
  let stageCount = 0;
  const interests = people.map((person, index) => {
    const orgKey = normaliseOrganisation(person.organisation);
    org[index] = orgKey === null ? -1 : idOf(orgIds, orgKey);
    role[index] = person.role === null || person.role === '' ? -1 : idOf(roleIds, person.role);
    const personStage =
      person.stage === null || !Number.isFinite(person.stage) ? -1 : Math.trunc(person.stage);
    stage[index] = personStage < 0 ? -1 : personStage;
    stageCount = Math.max(stageCount, stage[index]! + 1);
    return [...new Set(person.interests)].map((interest) => idOf(interestIds, interest));
  });
  for (const table of tables) if (table.topic) idOf(interestIds, table.topic);
  const interestCount = interestIds.size;
  const hasInterest = new Uint8Array(n * interestCount);
  const maskWords = Math.max(1, Math.ceil(interestCount / 32));
  const interestMask = new Uint32Array(n * maskWords);
  interests.forEach((list, index) => {
    for (const interest of list) {
      hasInterest[index * interestCount + interest] = 1;
      interestMask[index * maskWords + (interest >>> 5)]! |= 1 << (interest & 31);
    }
  });

  // A host who is absent, or already hosts an earlier table, does not pin anything.
  const hostOfTable = new Map<number, number>();
  const hosting = new Set<number>();
  tables.forEach((table, tableIndex) => {
    const host = table.hostId === null ? undefined : indexOf.get(table.hostId);
    if (host !== undefined && !hosting.has(host) && seatsOf(table) >= 1) {
      hosting.add(host);
      hostOfTable.set(tableIndex, host);
    }
  });
  const layout = chooseLayout(n, tables, new Set(hostOfTable.keys()), tableUse);
  return {
    people,
    indexOf,
    org,
    role,
    roleCount: roleIds.size,
    stage,
    stageCount,
    interestCount,
    interests,
    hasInterest,
    interestMask,
    maskWords,
    tables,
    layout,
    hostAt: layout.used.map((tableIndex) => hostOfTable.get(tableIndex) ?? -1),
    topicAt: layout.used.map((tableIndex) => {
      const topic = tables[tableIndex]!.topic;
      return topic ? interestIds.get(topic)! : -1;
    }),
  };
}
