/**
 * The seating wishes' price: each room planned as it is and again with 10 % of its people staying
 * seated (pinned like hosts, the others rotating around them) and 20 "we already know each other"
 * pairs per 100 people. Part of npm run bench:match; prints figures, asserts nothing.
 */
import { repeatLowerBound } from '../src/matching/bounds.js';
import {
  DEFAULT_SCHEDULE_TIME_MS,
  type MatchOptions,
  type MatchPerson,
  type MatchTable,
  type Metrics,
  measure,
  planSchedule,
  type Round,
} from '../src/matching/index.js';
import { buildInstance } from '../src/matching/instance.js';
import { createPrng, shuffleInPlace } from '../src/matching/prng.js';

export interface WishCase {
  name: string;
  people: MatchPerson[];
  tables: MatchTable[];
  rounds: number;
}

interface Wishes {
  tables: MatchTable[];
  stayers: Map<string, number>;
  met: [string, string][];
}

const sameOrg = (a: MatchPerson, b: MatchPerson) =>
  !!a.organisation && a.organisation.trim().toLowerCase() === b.organisation?.trim().toLowerCase();

/** Stayers on tables without a host (no more than the layout opens), known pairs across organisations. */
function withWishes(c: WishCase, seed: number): Wishes {
  const prng = createPrng(seed);
  const { layout } = buildInstance(c.people, c.tables);
  const hosts = new Set(c.tables.map((t) => t.hostId).filter((id): id is string => !!id));
  const freeTables = c.tables
    .map((table, index) => ({ table, index }))
    .slice(0, layout.sizes.length)
    .filter(({ table }) => !table.hostId);
  const candidates = shuffleInPlace(
    c.people.filter((p) => !hosts.has(p.id)),
    prng,
  );
  const count = Math.min(Math.round(c.people.length / 10), freeTables.length);
  const stayers = new Map<string, number>();
  const tables = c.tables.map((t) => ({ ...t }));
  for (let i = 0; i < count; i++) {
    const { index } = freeTables[i]!;
    stayers.set(candidates[i]!.id, index);
    tables[index] = { ...tables[index]!, hostId: candidates[i]!.id };
  }
  const wanted = Math.round((c.people.length * 20) / 100);
  const met: [string, string][] = [];
  const seen = new Set<string>();
  // Bounded: a room of one organisation has no pair to mark.
  for (let tries = 0; met.length < wanted && tries < 100 * wanted; tries++) {
    const a = c.people[prng.int(c.people.length)]!;
    const b = c.people[prng.int(c.people.length)]!;
    const key = a.id < b.id ? `${a.id}|${b.id}` : `${b.id}|${a.id}`;
    if (a.id === b.id || sameOrg(a, b) || seen.has(key)) continue;
    seen.add(key);
    met.push([a.id, b.id]);
  }
  return { tables, stayers, met };
}

function knownTogether(rounds: Round[], met: [string, string][]): number {
  let count = 0;
  for (const round of rounds)
    for (const table of round) {
      const at = new Set(table);
      for (const [a, b] of met) if (at.has(a) && at.has(b)) count++;
    }
  return count;
}

function stayersMoved(rounds: Round[], stayers: Map<string, number>): number {
  let moved = 0;
  for (const [id, index] of stayers) if (rounds.some((round) => !round[index]!.includes(id))) moved++;
  return moved;
}

/**
 * The counting bound once the wishes are in: a known pair cannot meet, nor can two people staying
 * seated (each holds a table), so each person has fewer people left to meet without repeats.
 */
function boundWithWishes(c: WishCase, wishes: Wishes, sizes: number[]): number {
  if (c.rounds < 2 || sizes.length === 0) return 0;
  const smallest = Math.min(...sizes);
  const barred = new Map<string, number>();
  const bar = (id: string) => barred.set(id, (barred.get(id) ?? 0) + 1);
  for (const [a, b] of wishes.met) {
    bar(a);
    bar(b);
  }
  for (const id of wishes.stayers.keys()) for (let i = 1; i < wishes.stayers.size; i++) bar(id);
  let excess = 0;
  for (const p of c.people)
    excess += Math.max(0, c.rounds * (smallest - 1) - (c.people.length - 1 - (barred.get(p.id) ?? 0)));
  return Math.ceil(excess / 2);
}

const fixed = (value: number) => value.toFixed(3);
const quality = (m: Metrics) => [
  String(m.repeats),
  String(m.maxMeetings),
  String(m.sameOrgPairs),
  fixed(m.roleMix),
  fixed(m.stageMix),
  fixed(m.interestHook),
];

/** One row per room: as it is | with the wishes, and whether the wishes held. */
export function printSeatingWishes(
  cases: WishCase[],
  options: (seed: number, boxMs: number) => MatchOptions,
) {
  const header = [
    'instance',
    'n',
    'rounds',
    'bound',
    '| repeats',
    'maxMeet',
    'sameOrg',
    'roleMix',
    'stageMix',
    'hook',
    '| stay',
    'known',
    'bound',
    'repeats',
    'maxMeet',
    'sameOrg',
    'roleMix',
    'stageMix',
    'hook',
    'knownTogether',
    'stayersMoved',
  ];
  const rows: string[][] = [];
  for (const c of cases) {
    const plain = planSchedule({ ...c, history: [], options: options(1, DEFAULT_SCHEDULE_TIME_MS) });
    const wishes = withWishes(c, 7);
    const wished = planSchedule({
      people: c.people,
      tables: wishes.tables,
      history: [],
      rounds: c.rounds,
      met: wishes.met,
      options: options(1, DEFAULT_SCHEDULE_TIME_MS),
    });
    const { layout } = buildInstance(c.people, c.tables);
    const [repeats, ...rest] = quality(measure(plain, c.people));
    rows.push([
      c.name,
      String(c.people.length),
      String(c.rounds),
      String(repeatLowerBound(c.people.length, layout.sizes, c.rounds)),
      `| ${repeats}`,
      ...rest,
      `| ${wishes.stayers.size}`,
      String(wishes.met.length),
      String(boundWithWishes(c, wishes, layout.sizes)),
      ...quality(measure(wished, c.people)),
      String(knownTogether(wished, wishes.met)),
      String(stayersMoved(wished, wishes.stayers)),
    ]);
  }
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  console.log(
    '\nSeating wishes: the same room as it is | with 10 % staying seated and 20 known pairs per 100',
  );
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  console.log(
    'stay = people pinned to one table all evening; known = "we already know each other" pairs (planned as met, ' +
      'not counted in repeats); knownTogether = rounds in which a known pair shared a table; the first bound is the counting bound without wishes, the second with them (known pairs and pairs of stayers cannot meet).',
  );
}
