/**
 * Realtime load benchmark. Two servers run as child processes on 127.0.0.1: Tischwechsel (compiled,
 * as `npm start` runs it, with a temp database) and a bare `ws` server that does nothing but send (the
 * machine's physical limit). This process plays the clients of both, so every figure is printed
 * beside the same measure of the bare server in the same run. It prints figures and asserts nothing.
 * Phases: the joins; every phone connects; the rounds (each against the bare server's fan-out); while
 * the last round is live, a tenth more people arrive and are seated as they join; after the rounds, a
 * quarter more join; the idle watch; kill -9 and recovery. The room has seats for the late arrivals.
 * A phone's time is when its frame arrived here; the frames are parsed after the fan-out, since one
 * process parsing 2,000 views in turn would add the others' reading to each phone's time. Joins go
 * over node:http on kept-alive connections opened before the clock starts: through fetch, this one
 * process set the pace of both servers.
 *
 *   npm run bench:ws -- --clients 2000 [--rounds 3] [--seats 6] [--concurrency 64] [--recovery 300]
 *                       [--idle 1] [--server path/to/other/dist] [--cpu-prof folder] [--replicas R]
 *
 * --replicas R: R replicas on one PostgreSQL database (TEST_DATABASE_URL's server or a throwaway
 * cluster), and then the one process on SQLite in the same run, printed beside each other; joins and
 * phones spread over the replicas in turn, the moderator starts every round on the first, so the
 * other replicas' phones hear it through the relay.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_PARTICIPANTS } from '../src/domain/join-rules.js';
import { PING_INTERVAL_MS } from '../src/realtime/messages.js';
import { benchDatabase } from './support/database.js';
import { recovery } from './support/recovery.js';
import {
  buildServer,
  freePort,
  profiling,
  rssMb,
  type Served,
  serverBuild,
  startBare,
  startTischwechsel,
  stop,
} from './support/servers.js';
import { createEvent, postMany, profile } from './support/ws-phases.js';
import { runRounds } from './support/ws-rounds.js';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '3' },
    seats: { type: 'string', default: '6' },
    concurrency: { type: 'string', default: '64' },
    recovery: { type: 'string', default: '300' },
    /** 1: after the rounds, watch the event loop for one heartbeat interval with every socket open. */
    idle: { type: 'string', default: '1' },
    /** A dist/ folder built from another commit, to measure it instead of this checkout's build. */
    server: { type: 'string' },
    /** A folder: Tischwechsel writes a CPU profile of the whole run there when it stops. */
    'cpu-prof': { type: 'string' },
    replicas: { type: 'string', default: '1' },
  },
});
const N = Number(values.clients);
const ROUNDS = Number(values.rounds);
const SEATS = Number(values.seats);
const CONCURRENCY = Number(values.concurrency);
const RECOVERY = Number(values.recovery);
const REPLICAS = Number(values.replicas);
const IDLE_MS = values.idle === '0' ? 0 : PING_INTERVAL_MS + 2000;
/** While the last round is live a tenth more arrive, each seated as they join (the room has their seats). */
const LIVE = Math.min(Math.ceil(N / 10), MAX_PARTICIPANTS - N);
/** After the rounds a quarter more people join, while everyone's phones before them are connected (as far as an event holds people). */
const LATE = Math.min(Math.ceil(N / 4), MAX_PARTICIPANTS - N - LIVE);
const valid = (n: number, lo: number, hi: number) => Number.isInteger(n) && n >= lo && n <= hi;
if (
  !valid(N, 2, 20_000) ||
  !valid(ROUNDS, 1, 10) ||
  !valid(SEATS, 2, 20) ||
  !valid(RECOVERY, 0, 2000) ||
  !valid(REPLICAS, 1, 4) ||
  !['0', '1'].includes(values.idle)
) {
  console.error(
    'usage: npm run bench:ws -- --clients N (2..20000) [--rounds R (1..10)] [--seats K] [--recovery P (0..2000)] [--idle 0|1] [--replicas R (1..4)]',
  );
  process.exit(2);
}

// Thousands of sockets need more than the usual 1,024 open files: re-run under a raised limit.
if (!process.env.BENCH_WS_RAISED) {
  const args = process.argv
    .slice(1)
    .map((a) => `'${a.replaceAll("'", "'\\''")}'`)
    .join(' ');
  const result = spawnSync(
    'bash',
    ['-c', `ulimit -n 65536 2>/dev/null || ulimit -n 16384; exec "${process.execPath}" --import tsx ${args}`],
    { stdio: 'inherit', env: { ...process.env, BENCH_WS_RAISED: '1' } },
  );
  process.exit(result.status ?? 1);
}

const f = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '–');
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '–');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One setup measured: its servers started, the joins, the sockets, the rounds; then stopped. */
async function measure(replicas: number) {
  const dir = mkdtempSync(join(tmpdir(), 'tischwechsel-bench-ws-'));
  // One replica: the SQLite file as `npm start` keeps it; more: one PostgreSQL database they share.
  const database = replicas > 1 ? await benchDatabase() : null;
  const tws: Served[] = [];
  for (let r = 0; r < replicas; r++) tws.push(await startTischwechsel(dir, await freePort(), database?.url));
  const tw = tws[0]!;
  const bare = await startBare(await freePort());
  const load = loadavg();
  try {
    const created = await createEvent(tw.base, N + LIVE, SEATS);
    const joinUrl = (i: number) => `${tws[i % replicas]!.base}/api/events/${created.code}/participants`;
    /** `count` more people after the first `from`; none when the event holds no more. */
    const moreJoins = (from: number, count: number) =>
      count > 0
        ? () => postMany(joinUrl, (i) => profile(from + i, from + count), count, CONCURRENCY)
        : undefined;
    const tokens: string[] = [];
    const joins = await postMany(
      joinUrl,
      (i) => profile(i, N),
      N,
      CONCURRENCY,
      (i, answer) => {
        tokens[i] = (answer as { token: string }).token;
      },
    );
    const bareJoins = await postMany(
      () => `${bare.base}/join`,
      (i) => profile(i, N),
      N,
      CONCURRENCY,
    );
    const { rows, connectSeconds, idleLoop, liveJoins, lateJoins } = await runRounds({
      tws,
      bare,
      created,
      tokens,
      rounds: ROUNDS,
      idleMs: IDLE_MS,
      liveJoins: moreJoins(N, LIVE),
      lateJoins: moreJoins(N + LIVE, LATE),
    });
    return {
      store: database ? `${replicas} replicas on one PostgreSQL database` : 'one process on SQLite',
      label: database ? `PostgreSQL, ${replicas} replicas` : 'SQLite, 1 process',
      load,
      readyMs: tws.map((r) => r.readyMs),
      bareReadyMs: bare.readyMs,
      joins,
      bareJoins,
      rows,
      connectSeconds,
      idleLoop,
      liveJoins,
      lateJoins,
      rss: tws.map((r) => rssMb(r.child.pid!)),
    };
  } finally {
    for (const r of tws) await stop(r.child);
    await stop(bare.child);
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

type Figures = Awaited<ReturnType<typeof measure>>;

function report(m: Figures): void {
  const { joins, bareJoins, rows, idleLoop, liveJoins, lateJoins } = m;
  console.log(
    `\nbench:ws — ${N} phones (+1 screen, +1 moderator), ${Math.ceil((N + LIVE) / SEATS)} tables × ${SEATS}; Tischwechsel as ${m.store}; servers on 127.0.0.1 (child processes), clients in this process; load average at start ${m.load.map((l) => l.toFixed(2)).join(' ')}`,
  );
  console.log(
    `server start to ready: Tischwechsel ${m.readyMs.map(f).join(' / ')} ms, bare ws ${f(m.bareReadyMs)} ms`,
  );
  console.log('\n| joins over HTTP | per second | p50 ms | p99 ms |\n|---|---|---|---|');
  console.log(`| Tischwechsel | ${f(joins.perSecond)} | ${f(joins.p50)} | ${f(joins.p99)} |`);
  console.log(`| bare HTTP | ${f(bareJoins.perSecond)} | ${f(bareJoins.p50)} | ${f(bareJoins.p99)} |`);
  console.log(
    `| ratio | ${ratio(joins.perSecond, bareJoins.perSecond)} | ${ratio(joins.p50, bareJoins.p50)} | ${ratio(joins.p99, bareJoins.p99)} |`,
  );
  const watchedJoins = (label: string, j: (typeof m)['lateJoins']) => {
    if (!j) return;
    console.log(
      `| Tischwechsel, ${label} | ${f(j.perSecond)} | ${f(j.p50)} | ${f(j.p99)} |\n(ratio of that rate to bare HTTP ${ratio(j.perSecond, bareJoins.perSecond)}; longest event-loop turn meanwhile ${f(j.loopMax)} ms)`,
    );
  };
  watchedJoins(`${LIVE} arriving while the last round is live (each seated as they join)`, liveJoins);
  watchedJoins(`${LATE} more with the ${N} phones connected (after the rounds)`, lateJoins);
  console.log(`\nsockets: ${N + 2} connected and greeted in ${m.connectSeconds.toFixed(1)} s`);
  console.log(
    "\nRound start → every phone has its table (Tischwechsel: from the start request; bare: from its trigger, same frame size). Sent = when the server stamped its last phone's frame as sent (the rest of p99 is the way to the phones, on the same cores; a phone's time is when its frame arrived: this one process parses the frames after the fan-out, as each phone reads its own). Loop = the server's event-loop delay during the fan-out.",
  );
  console.log(
    '| round | frame B | TW start answered | TW sent | TW p50 | TW p99 | TW max | TW loop max | bare sent | bare p50 | bare p99 | bare max | bare loop max | p99 ratio | missed TW/bare |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.round} | ${r.tw.bytes} | ${f(r.startMs)} | ${f(r.tw.sentMax)} | ${f(r.tw.p50)} | ${f(r.tw.p99)} | ${f(r.tw.max)} | ${f(r.twLoop)} | ${f(r.bare.sentMax)} | ${f(r.bare.p50)} | ${f(r.bare.p99)} | ${f(r.bare.max)} | ${f(r.bareLoop)} | ${ratio(r.tw.p99, r.bare.p99)} | ${r.tw.missed}/${r.bare.missed} |`,
    );
  }
  const twP99 = median(rows.map((r) => r.tw.p99));
  const bareP99 = median(rows.map((r) => r.bare.p99));
  console.log(
    `median of rounds: TW p99 ${f(twP99)} ms, bare p99 ${f(bareP99)} ms, ratio ${ratio(twP99, bareP99)}; last frame sent TW ${f(median(rows.map((r) => r.tw.sentMax)))} ms, bare ${f(median(rows.map((r) => r.bare.sentMax)))} ms; TW loop max ${f(median(rows.map((r) => r.twLoop)))} ms, bare ${f(median(rows.map((r) => r.bareLoop)))} ms`,
  );
  if (idleLoop)
    console.log(
      `event loop while the sockets idle for ${f(IDLE_MS / 1000)} s (a heartbeat interval): TW max ${f(idleLoop.tw)} ms, bare max ${f(idleLoop.bare)} ms`,
    );
  console.log(`Tischwechsel RSS after the rounds: ${m.rss.map(f).join(' / ')} MB`);
}

/** The replicas beside the single SQLite process, measured in the same run: the rows that differ. */
function compare(all: Figures[]): void {
  const column = (pick: (m: Figures) => string) => all.map(pick).join(' | ');
  const rounds = (m: Figures, pick: (r: Figures['rows'][number]) => number) => median(m.rows.map(pick));
  console.log(`\nIn this run, beside each other (medians of ${ROUNDS} round${ROUNDS > 1 ? 's' : ''}):`);
  console.log(`| | ${column((m) => m.label)} |\n|---|${all.map(() => '---|').join('')}`);
  console.log(
    `| joins/s (ratio to bare HTTP) | ${column((m) => `${f(m.joins.perSecond)} (${ratio(m.joins.perSecond, m.bareJoins.perSecond)})`)} |`,
  );
  console.log(`| join p50 / p99 ms | ${column((m) => `${f(m.joins.p50)} / ${f(m.joins.p99)}`)} |`);
  console.log(
    `| round start → phone p50 / p99 / max ms | ${column((m) => `${f(rounds(m, (r) => r.tw.p50))} / ${f(rounds(m, (r) => r.tw.p99))} / ${f(rounds(m, (r) => r.tw.max))}`)} |`,
  );
  console.log(`| same, bare ws p99 ms | ${column((m) => f(rounds(m, (r) => r.bare.p99)))} |`);
  console.log(`| phones missed | ${column((m) => String(m.rows.reduce((n, r) => n + r.tw.missed, 0)))} |`);
  console.log(`| longest loop turn in the fan-out ms | ${column((m) => f(rounds(m, (r) => r.twLoop)))} |`);
  console.log(`| RSS per process MB | ${column((m) => m.rss.map(f).join(' / '))} |`);
  console.log(`| start to ready ms | ${column((m) => m.readyMs.map(f).join(' / '))} |`);
}

async function main() {
  if (values['cpu-prof']) profiling.dir = resolve(values['cpu-prof']);
  if (values.server) serverBuild.dist = resolve(values.server);
  else buildServer();
  // Replicas are always measured beside the one SQLite process, in the same run on the same machine.
  const all = [await measure(REPLICAS)];
  if (REPLICAS > 1) all.push(await measure(1));
  for (const m of all) report(m);
  if (all.length > 1) compare(all);
  if (RECOVERY > 0) {
    const r = await recovery(RECOVERY, await freePort());
    console.log(
      `\nkill -9 mid-round, ${r.phones} phones on the shared web client: restart (kill → /healthz) ${f(r.restartMs)} ms; back at their table after the kill p50 ${f(r.p50)} ms, p99 ${f(r.p99)} ms, max ${f(r.max)} ms; ${r.unchanged} answered "unchanged"; ${r.wrongOrMissing} wrong or missing`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
