/** Realistic event instances for the matching benchmark, generated from a seed (no Math.random). */
import { createPrng, type Prng } from '../src/matching/prng.js';

export interface BenchTable {
  label: string;
  seats: number;
  topic: string | null;
  hostId: string | null;
}

export interface BenchParticipant {
  id: string;
  name: string;
  organisation: string | null;
  role: string | null;
  stage: number | null;
  interests: string[];
}

/** The plan command's JSON instance, plus who is present in each round for live scenarios. */
export interface BenchInstance {
  name: string;
  tables: BenchTable[];
  rounds: number;
  participants: BenchParticipant[];
  seed: number;
  /** Ids present per round (live scenario); absent means everyone, every round. */
  attendance?: string[][];
}

const ROLES: [string, number][] = [
  ['verwaltung', 40],
  ['wirtschaft', 20],
  ['community', 12],
  ['wissenschaft', 10],
  ['zivilgesellschaft', 8],
  ['politik', 5],
  ['andere', 5],
];
const STAGES: [number, number][] = [
  [0, 12],
  [1, 30],
  [2, 28],
  [3, 18],
  [4, 12],
];
const INTERESTS: [string, number][] = [
  ['governance', 14],
  ['souveraenitaet', 16],
  ['beschaffung', 12],
  ['foerderung', 8],
  ['datenplattformen', 11],
  ['fachverfahren', 9],
  ['kompetenz', 10],
  ['lizenzen', 7],
  ['community', 8],
  ['sicherheit', 9],
];
const BIG_ORGS = [
  'Stadt Berlin',
  'LH München',
  'ITZBund',
  'Dataport',
  'OSBA',
  'Freie Hansestadt Bremen',
  'Fraunhofer FOKUS',
  'Land Schleswig-Holstein',
];

function pick<T>(weighted: [T, number][], prng: Prng): T {
  const total = weighted.reduce((sum, [, w]) => sum + w, 0);
  let roll = prng.next() * total;
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

/** Organisations: a few send many people (up to `biggestOrg`), many send one or two, some none. */
export function generateParticipants(
  count: number,
  biggestOrg: number,
  prng: Prng,
  prefix = 'p',
): BenchParticipant[] {
  const orgs: string[] = [];
  let remaining = count;
  BIG_ORGS.forEach((org, i) => {
    const size = Math.min(remaining, Math.max(2, Math.round(biggestOrg / (i + 1))));
    for (let k = 0; k < size && remaining > count * 0.45; k++, remaining--) orgs.push(org);
  });
  let small = 0;
  while (orgs.length < count) {
    const roll = prng.next();
    if (roll < 0.08) orgs.push('');
    else {
      const size = roll < 0.7 ? 1 : 2;
      for (let k = 0; k < size && orgs.length < count; k++) orgs.push(`Organisation ${++small}`);
    }
  }
  return orgs.map((org, i) => {
    const interestCount = prng.next() < 0.1 ? 0 : 1 + prng.int(4);
    const interests = new Set<string>();
    while (interests.size < interestCount) interests.add(pick(INTERESTS, prng));
    return {
      id: `${prefix}${i + 1}`,
      name: `Person ${prefix.toUpperCase()}${i + 1}`,
      organisation: org === '' ? null : org,
      role: prng.next() < 0.05 ? null : pick(ROLES, prng),
      stage: prng.next() < 0.05 ? null : pick(STAGES, prng),
      interests: [...interests],
    };
  });
}

export function uniformTables(count: number, seats: number): BenchTable[] {
  return Array.from({ length: count }, (_, i) => ({
    label: String(i + 1),
    seats,
    topic: null,
    hostId: null,
  }));
}

/** Mixed capacities from a list of [count, seats], some with topics. */
export function mixedTables(spec: [number, number][], topics: string[] = []): BenchTable[] {
  const tables = spec.flatMap(([count, seats]) => Array.from({ length: count }, () => seats));
  return tables.map((seats, i) => ({ label: String(i + 1), seats, topic: topics[i] ?? null, hostId: null }));
}

export function golfers(count: number): BenchParticipant[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `g${i + 1}`,
    name: `Golfer ${i + 1}`,
    organisation: null,
    role: null,
    stage: null,
    interests: [],
  }));
}

/** A live evening: people leave and arrive between rounds (and some take a break). */
export function liveAttendance(registered: BenchParticipant[], rounds: number, prng: Prng): string[][] {
  const ids = registered.map((p) => p.id);
  let present = new Set(ids.slice(0, Math.round(ids.length * 0.8)));
  let next = present.size;
  const attendance: string[][] = [];
  for (let r = 0; r < rounds; r++) {
    attendance.push(ids.filter((id) => present.has(id)));
    const leaving = [...present].filter(() => prng.next() < 0.1);
    present = new Set([...present].filter((id) => !leaving.includes(id)));
    const arriving = 2 + prng.int(6);
    for (let k = 0; k < arriving && next < ids.length; k++) present.add(ids[next++]!);
    if (r === 1) for (const id of leaving.slice(0, 2)) present.add(id); // back from a break
  }
  return attendance;
}

export function buildInstances(): BenchInstance[] {
  const prng = createPrng(20260611);
  const withHosts = (tables: BenchTable[], participants: BenchParticipant[], hosts: number) =>
    tables.map((table, i) => (i < hosts ? { ...table, hostId: participants[i]!.id } : table));
  const instances: BenchInstance[] = [];
  const add = (
    name: string,
    participants: BenchParticipant[],
    tables: BenchTable[],
    rounds: number,
    extra = {},
  ) => instances.push({ name, tables, rounds, participants, seed: 1, ...extra });

  add('breakfast-20', generateParticipants(20, 4, prng), uniformTables(4, 6), 3);
  add('breakfast-45', generateParticipants(45, 6, prng), uniformTables(8, 6), 4);
  const p60 = generateParticipants(60, 8, prng);
  add(
    'meetup-60',
    p60,
    mixedTables([
      [7, 6],
      [4, 5],
    ]),
    5,
  );
  const p120 = generateParticipants(120, 12, prng);
  add(
    'conference-120',
    p120,
    mixedTables(
      [
        [8, 8],
        [8, 6],
        [6, 4],
      ],
      ['governance', 'souveraenitaet', 'beschaffung'],
    ),
    6,
  );
  const p300 = generateParticipants(300, 25, prng);
  add(
    'convention-300',
    p300,
    withHosts(
      mixedTables(
        [
          [20, 8],
          [20, 6],
          [12, 4],
        ],
        ['governance', 'datenplattformen', 'lizenzen', 'sicherheit'],
      ),
      p300,
      4,
    ),
    6,
  );
  const live = generateParticipants(96, 8, prng);
  add('live-96', live, uniformTables(12, 7), 5, { attendance: liveAttendance(live, 5, prng) });
  add('golf-32-8x4', golfers(32), uniformTables(8, 4), 10);
  add('kirkman-15-5x3', golfers(15), uniformTables(5, 3), 7);
  add('golf-36-6x6', golfers(36), uniformTables(6, 6), 5);
  return instances;
}

/** Not committed (too large): built at bench time from the same seed. */
export function largeInstance(): BenchInstance {
  const prng = createPrng(5000);
  return {
    name: 'expo-5000 · 1 round',
    participants: generateParticipants(5000, 120, prng),
    tables: uniformTables(700, 8),
    rounds: 1,
    seed: 1,
  };
}
