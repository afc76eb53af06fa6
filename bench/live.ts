/**
 * npm run bench:live — runs events round by round through the real service (HTTP on 127.0.0.1, as a
 * moderator's console does: preview, start, end), with and without attendance changes between rounds,
 * and prints beside each the offline plan of the same people and the old myopic planner (one round at
 * a time). Also start latency, the server's event-loop delay while plans are made, and /healthz under
 * four clients looping on previews of 1,000-table events. Prints figures, asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import {
  type MatchPerson,
  type Metrics,
  measure,
  planRound,
  planSchedule,
  type Round,
} from '../src/matching/index.js';
import { createPrng } from '../src/matching/prng.js';
import { REPLAN_DEBOUNCE_MS } from '../src/planner/forward-planner.js';
import { type BenchParticipant, generateParticipants, golfers } from './instance-generator.js';

interface Room {
  name: string;
  people: BenchParticipant[];
  /** Arrivals for the attendance-change runs. */
  reserve: BenchParticipant[];
  tables: { count: number; seats: number };
  rounds: number;
}

const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const prng = createPrng(20261201);
const golf = (n: number) =>
  golfers(n + 20).map((p) => ({ ...p, role: 'andere', stage: 0 }) as BenchParticipant);
const room = (
  name: string,
  all: BenchParticipant[],
  n: number,
  count: number,
  seats: number,
  rounds: number,
) => ({
  name,
  people: all.slice(0, n),
  reserve: all.slice(n),
  tables: { count, seats },
  rounds,
});
const rooms: Room[] = [
  room('golf-32 · 8×4', golf(32), 32, 8, 4, 10),
  room('kirkman-15 · 5×3', golf(15), 15, 5, 3, 7),
  room('pairs-20 · 10×2', golf(20), 20, 10, 2, 9),
  room('golf-24 · 6×4', golf(24), 24, 6, 4, 7),
  room('breakfast-40 · 8×5', generateParticipants(60, 6, prng), 40, 8, 5, 6),
  room('breakfast-150 · 25×6', generateParticipants(180, 15, prng), 150, 25, 6, 5),
  room('expo-2000 · 250×8', generateParticipants(2040, 80, prng), 2000, 250, 8, 4),
].filter((r) => !only || r.name.startsWith(only));

const OFFLINE_BOX = { timeMs: 12_000, effortMs: 3000 };
const toPerson = ({ name: _name, ...p }: BenchParticipant): MatchPerson => p;

async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'tischwechsel-bench-live-'));
  const config = loadConfig({
    DATABASE_PATH: join(dir, 'bench.sqlite'),
    HOST: '127.0.0.1',
    PORT: '0',
    PUBLIC_URL: 'http://127.0.0.1:1',
    LOG_LEVEL: 'silent',
    WEB_DIST: join(dir, 'no-web'),
    JOIN_RATE_LIMIT: '1000000',
  });
  const app = await buildApp(config, { logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address() as { port: number };
  return { app, base: `http://127.0.0.1:${address.port}`, dir };
}

type Server = Awaited<ReturnType<typeof startServer>>;

function client(server: Server, secret?: string) {
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.base}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(secret ? { authorization: `Bearer ${secret}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

/**
 * Who is present in each round: everyone, or between rounds 2 leave, 3 arrive (while seats remain)
 * and 1 takes a break (back the round after).
 */
function attendance(r: Room, changes: boolean): string[][] {
  const present = r.people.map((p) => p.id);
  const reserve = r.reserve.map((p) => p.id);
  const rounds: string[][] = [];
  let onBreak: string | null = null;
  const pick = createPrng(7);
  for (let k = 0; k < r.rounds; k++) {
    rounds.push([...present]);
    if (!changes) continue;
    if (onBreak) present.push(onBreak);
    onBreak = null;
    for (let i = 0; i < 2; i++) present.splice(pick.int(present.length), 1);
    // Arrivals stop at the seats: a full room would need the moderator to add a table.
    const seats = r.tables.count * r.tables.seats;
    for (let i = 0; i < 3 && reserve.length > 0 && present.length < seats; i++)
      present.push(reserve.shift()!);
    onBreak = present.splice(pick.int(present.length), 1)[0]!;
  }
  return rounds;
}

interface LiveRun {
  rounds: Round[];
  startMs: number[];
  loopMaxMs: number;
  loopP99Ms: number;
}

async function runLive(server: Server, r: Room, presence: string[][]): Promise<LiveRun> {
  const anon = client(server);
  const created = await anon('POST', '/api/events', {
    title: r.name,
    tables: r.tables,
    plannedRounds: r.rounds,
  });
  const mod = client(server, created.moderator);
  const ev = `/api/events/${created.code}`;
  const idOf = new Map<string, string>();
  const everyone = [...r.people, ...r.reserve];
  const join = async (p: BenchParticipant) => {
    const joined = await anon('POST', `${ev}/participants`, {
      displayName: p.name,
      organisation: p.organisation,
      role: p.role ?? 'andere',
      stage: p.stage ?? 0,
      interests: p.interests,
      privacyAccepted: true,
    });
    idOf.set(p.id, joined.participantId);
  };
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  for (let i = 0; i < r.people.length; i += 50) await Promise.all(r.people.slice(i, i + 50).map(join));
  const startMs: number[] = [];
  let present = new Set(presence[0]);
  for (let k = 0; k < r.rounds; k++) {
    const want = new Set(presence[k]);
    for (const p of everyone) {
      if (want.has(p.id) && !idOf.has(p.id)) await join(p);
      else if (idOf.has(p.id) && want.has(p.id) !== present.has(p.id))
        await mod('PATCH', `${ev}/participants/${idOf.get(p.id)}`, {
          presence: want.has(p.id) ? 'present' : 'break',
        });
    }
    present = want;
    // A moderator previews a moment after the last change: the background re-plan has begun, and the
    // preview waits for it (a heavy /state poll here would load the server more than the planning).
    await new Promise((r) => setTimeout(r, REPLAN_DEBOUNCE_MS + 200));
    await mod('GET', `${ev}/preview`);
    const started = performance.now();
    await mod('POST', `${ev}/rounds`);
    startMs.push(performance.now() - started);
    await mod('POST', `${ev}/rounds/current/end`);
  }
  loop.disable();
  const state = await mod('GET', `${ev}/state`);
  const byId = new Map([...idOf].map(([bench, live]) => [live, bench]));
  const tableIds: number[] = state.tables.map((t: { id: number }) => t.id);
  const rounds: Round[] = state.rounds.map((round: { seating: { tableId: number; people: string[] }[] }) =>
    tableIds.map((id) =>
      (round.seating.find((s) => s.tableId === id)?.people ?? []).map((p) => byId.get(p)!),
    ),
  );
  await mod('DELETE', ev);
  return { rounds, startMs, loopMaxMs: loop.max / 1e6, loopP99Ms: loop.percentile(99) / 1e6 };
}

function tablesOf(r: Room) {
  return Array.from({ length: r.tables.count }, (_, i) => ({
    label: String(i + 1),
    seats: r.tables.seats,
    topic: null,
    hostId: null,
  }));
}

/** Offline: the whole schedule at once when nobody changes; with changes, a fresh plan each round. */
function runOffline(r: Room, presence: string[][], changes: boolean): Round[] {
  const all = [...r.people, ...r.reserve].map(toPerson);
  const byId = new Map(all.map((p) => [p.id, p]));
  const tables = tablesOf(r);
  const options = { seed: 1, ...OFFLINE_BOX };
  if (!changes)
    return planSchedule({ people: r.people.map(toPerson), tables, history: [], rounds: r.rounds, options });
  const rounds: Round[] = [];
  for (let k = 0; k < r.rounds; k++) {
    const people = presence[k]!.map((id) => byId.get(id)!);
    rounds.push(planSchedule({ people, tables, history: rounds, rounds: r.rounds - k, options })[0]!);
  }
  return rounds;
}

/** The planner before the forward plan: one round at a time from the history, 600 ms box. */
function runMyopic(r: Room, presence: string[][]): Round[] {
  const byId = new Map([...r.people, ...r.reserve].map((p) => [p.id, toPerson(p)]));
  const tables = tablesOf(r);
  const rounds: Round[] = [];
  for (let k = 0; k < r.rounds; k++) {
    const people = presence[k]!.map((id) => byId.get(id)!);
    rounds.push(planRound({ people, tables, history: rounds, options: { seed: k + 1 } }));
  }
  return rounds;
}

const fmt = (m: Metrics) =>
  `${String(m.repeats).padStart(4)} ${String(m.maxMeetings).padStart(3)} ${String(m.sameOrgPairs).padStart(4)} ${m.roleMix.toFixed(3)} ${m.stageMix.toFixed(3)} ${m.interestHook.toFixed(3)}`;

async function healthUnderPreviews(server: Server) {
  const anon = client(server);
  const events = await Promise.all(
    [0, 1, 2, 3].map(async (i) => {
      const created = await anon('POST', '/api/events', {
        title: `Messe ${i}`,
        tables: { count: 1000, seats: 4 },
      });
      const mod = client(server, created.moderator);
      for (let k = 0; k < 4; k++)
        await mod('POST', `/api/events/${created.code}/rehearsal`, { count: 500, seed: i * 10 + k });
      return { code: created.code, mod };
    }),
  );
  const until = performance.now() + 20_000;
  let previews = 0;
  let refused = 0;
  const loops = events.map(async ({ code, mod }, i) => {
    let k = 0;
    while (performance.now() < until) {
      try {
        // A change (one more rehearsal person) makes the preview wait for a fresh plan of 2,000 people.
        await mod('POST', `/api/events/${code}/rehearsal`, { count: 1, seed: 1000 + i * 100 + k++ });
        await mod('GET', `/api/events/${code}/preview`);
        previews++;
      } catch {
        refused++;
        await mod('GET', `/api/events/${code}/state`);
      }
    }
  });
  const health: number[] = [];
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  while (performance.now() < until) {
    const started = performance.now();
    await fetch(`${server.base}/healthz`);
    health.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await Promise.all(loops);
  loop.disable();
  console.log(
    `\n/healthz while 4 clients loop on change + preview of their own 1,000-table event (2,000 people, 20 s): ` +
      `${health.length} checks, p50 ${percentile(health, 50).toFixed(1)} ms, p99 ${percentile(health, 99).toFixed(1)} ms, ` +
      `max ${Math.max(...health).toFixed(1)} ms; event loop p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms, ` +
      `max ${(loop.max / 1e6).toFixed(1)} ms; ${previews} previews answered, ${refused} refused (rate limit)`,
  );
}

const server = await startServer();
console.log(
  'room                   mode     | live: rep max org  role  stage  hook | offline: rep max org  role  stage  hook | myopic: rep max org  role  stage  hook | start p50/p99 ms | loop p99/max ms',
);
for (const r of rooms) {
  for (const changes of [false, true]) {
    const presence = attendance(r, changes);
    const everyone = [...r.people, ...r.reserve].map(toPerson);
    const live = await runLive(server, r, presence);
    const offline = runOffline(r, presence, changes);
    const myopic = runMyopic(r, presence);
    console.log(
      `${r.name.padEnd(22)} ${(changes ? 'changes' : 'steady').padEnd(8)} | ${fmt(measure(live.rounds, everyone))} | ${fmt(measure(offline, everyone))} | ${fmt(measure(myopic, everyone))} | ${percentile(live.startMs, 50).toFixed(1)}/${percentile(live.startMs, 99).toFixed(1)} | ${live.loopP99Ms.toFixed(1)}/${live.loopMaxMs.toFixed(1)}`,
    );
  }
}
if (!only) await healthUnderPreviews(server);
console.log(
  '\nlive = the service, round by round over HTTP (preview, start, end); offline = planSchedule with the same effort (3,000 ms), the whole evening at once, or with changes a fresh plan each round; myopic = planRound per round (the live planner before the forward plan). changes = between rounds 2 leave, 3 arrive, 1 takes a break. start = POST /rounds with a current plan. loop = the process event-loop delay during the run (server and clients share it).',
);
await server.app.close();
rmSync(server.dir, { recursive: true, force: true });
