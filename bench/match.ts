/**
 * npm run bench:match — plans every instance in bench/instances/ (plus a generated 5,000-person room)
 * with the engine and with a naive balanced shuffle, and prints one table. It prints figures and
 * asserts nothing: times depend on the machine. With --counted the default boxes are counted effort
 * only (the clock far away), so the quality figures do not depend on the machine or its load.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { repeatLowerBound } from '../src/matching/bounds.js';
import {
  DEFAULT_ROUND_TIME_MS,
  DEFAULT_SCHEDULE_TIME_MS,
  type MatchPerson,
  type MatchTable,
  type Metrics,
  measure,
  naiveRound,
  planRound,
  planSchedule,
  type Round,
} from '../src/matching/index.js';
import { buildInstance } from '../src/matching/instance.js';
import { type BenchInstance, largeInstance } from './instance-generator.js';
import { printSeatingWishes } from './seating-wishes.js';

interface Case {
  name: string;
  people: MatchPerson[];
  tables: MatchTable[];
  rounds: number;
  attendance?: string[][];
}

const counted = process.argv.includes('--counted');
/** The engine's default box for this call, or with --counted the same effort without a clock. */
function engineOptions(seed: number, boxMs: number) {
  return counted ? { seed, effortMs: boxMs, timeMs: 1e7 } : { seed };
}

const directory = new URL('./instances/', import.meta.url);
const loaded: Case[] = readdirSync(directory)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => {
    const body = JSON.parse(readFileSync(new URL(file, directory), 'utf8')) as Omit<BenchInstance, 'name'>;
    return {
      name: file.replace(/\.json$/, ''),
      people: body.participants.map(({ name: _name, ...person }) => person),
      tables: body.tables,
      rounds: body.rounds,
      ...(body.attendance ? { attendance: body.attendance } : {}),
    };
  });
const convention = loaded.find((c) => c.name === 'convention-300')!;
const cases: Case[] = [...loaded, { ...convention, name: 'convention-300 · 1 round', rounds: 1 }];

function present(c: Case, round: number): MatchPerson[] {
  if (!c.attendance) return c.people;
  const ids = new Set(c.attendance[round]);
  return c.people.filter((person) => ids.has(person.id));
}

function runEngine(c: Case): Round[] {
  const roundOptions = engineOptions(1, DEFAULT_ROUND_TIME_MS);
  if (c.rounds === 1)
    return [planRound({ people: c.people, tables: c.tables, history: [], options: roundOptions })];
  if (!c.attendance) {
    const options = engineOptions(1, DEFAULT_SCHEDULE_TIME_MS);
    return planSchedule({ people: c.people, tables: c.tables, history: [], rounds: c.rounds, options });
  }
  const rounds: Round[] = [];
  for (let r = 0; r < c.rounds; r++)
    rounds.push(
      planRound({ people: present(c, r), tables: c.tables, history: rounds, options: roundOptions }),
    );
  return rounds;
}

function runNaive(c: Case): Round[] {
  return Array.from({ length: c.rounds }, (_, r) =>
    naiveRound({ people: present(c, r), tables: c.tables, history: [], options: { seed: r + 1 } }),
  );
}

function timed<T>(run: () => T): { result: T; ms: number } {
  const times: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    result = run();
    times.push(performance.now() - started);
  }
  return { result: result!, ms: times.sort((a, b) => a - b)[1]! };
}

function bound(c: Case): string {
  if (c.attendance) return '–';
  const { layout } = buildInstance(c.people, c.tables);
  return String(repeatLowerBound(c.people.length, layout.sizes, c.rounds));
}

function shape(c: Case): string {
  const counts = new Map<number, number>();
  for (const table of c.tables) counts.set(table.seats, (counts.get(table.seats) ?? 0) + 1);
  return [...counts].map(([seats, count]) => `${count}×${seats}`).join('+');
}

const fixed = (value: number) => value.toFixed(3);
const change = (engine: number, naive: number) =>
  naive === 0 ? (engine === 0 ? '±0%' : `+${engine}`) : `${Math.round(((engine - naive) / naive) * 100)}%`;

const header = [
  'instance',
  'n',
  'tables×seats',
  'rounds',
  'repeats',
  'maxMeet',
  'bound',
  'sameOrg',
  'roleMix',
  'stageMix',
  'hook',
  'time ms',
  '| naive rep',
  'maxMeet',
  'sameOrg',
  'roleMix',
  'stageMix',
  'hook',
  '| Δrep',
  'ΔsameOrg',
  'mix×',
];
const rows: string[][] = [];
const row = (c: Case, engine: Metrics, naive: Metrics, ms: number) =>
  rows.push([
    c.name,
    String(c.people.length),
    shape(c),
    String(c.rounds),
    String(engine.repeats),
    String(engine.maxMeetings),
    bound(c),
    String(engine.sameOrgPairs),
    fixed(engine.roleMix),
    fixed(engine.stageMix),
    fixed(engine.interestHook),
    ms.toFixed(0),
    `| ${naive.repeats}`,
    String(naive.maxMeetings),
    String(naive.sameOrgPairs),
    fixed(naive.roleMix),
    fixed(naive.stageMix),
    fixed(naive.interestHook),
    `| ${change(engine.repeats, naive.repeats)}`,
    change(engine.sameOrgPairs, naive.sameOrgPairs),
    (engine.roleMix / naive.roleMix).toFixed(2),
  ]);

for (const c of cases) {
  const { result, ms } = timed(() => runEngine(c));
  row(c, measure(result, c.people), measure(runNaive(c), c.people), ms);
}

const large = largeInstance();
const largeCase: Case = {
  name: large.name,
  people: large.participants.map(({ name: _n, ...p }) => p),
  tables: large.tables,
  rounds: 1,
};
const heapBefore = process.memoryUsage().heapUsed;
const { result: largeRounds, ms: largeMs } = timed(() => runEngine(largeCase));
const heapAfter = process.memoryUsage().heapUsed;
row(
  largeCase,
  measure(largeRounds, largeCase.people),
  measure(runNaive(largeCase), largeCase.people),
  largeMs,
);

const widths = header.map((title, i) => Math.max(title.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) =>
  cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
console.log(line(header));
for (const r of rows) console.log(line(r));
console.log(
  `\nexpo-5000: process RSS peak ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (whole bench process), ` +
    `heap after the run ${(heapAfter / 1e6).toFixed(0)} MB (${((heapAfter - heapBefore) / 1e6).toFixed(0)} MB more than before).`,
);
console.log(
  `time = median of 3 runs (seed 1, ${counted ? 'default effort, counted only' : 'default time box'}; live-96 = its five planRound calls together); ` +
    'naive = seeded balanced shuffle per round; bound = counting/pigeonhole lower bound on repeats.',
);

// The classic instances depend on the seed: how often does the default box reach zero repeats?
const SEED_RUNS = 20;
for (const name of ['golf-32-8x4', 'kirkman-15-5x3']) {
  const c = loaded.find((item) => item.name === name)!;
  const repeats = Array.from({ length: SEED_RUNS }, (_, i) => {
    const options = engineOptions(i + 1, DEFAULT_SCHEDULE_TIME_MS);
    return measure(
      planSchedule({ people: c.people, tables: c.tables, history: [], rounds: c.rounds, options }),
      c.people,
    ).repeats;
  });
  const clean = repeats.filter((r) => r === 0).length;
  console.log(
    `${name}, ${c.rounds} rounds, seeds 1–${SEED_RUNS}: ${clean}/${SEED_RUNS} repeat-free (repeats per seed: ${repeats.join(', ')})`,
  );
}

printSeatingWishes(
  ['breakfast-45', 'golf-32-8x4', 'meetup-60', 'conference-120', 'convention-300'].map(
    (name) => loaded.find((c) => c.name === name)!,
  ),
  engineOptions,
);
