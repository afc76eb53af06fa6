/**
 * Realtime load benchmark: the server runs as a child process on 127.0.0.1 with a temp database; this
 * process plays N phones, one venue screen and one moderator. It prints figures and asserts nothing.
 *
 *   npm run bench:ws -- --clients 2000 [--rounds 3] [--seats 6]
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { WebSocket } from 'ws';
import { percentile, runPool } from './support/stats.js';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '3' },
    seats: { type: 'string', default: '6' },
    concurrency: { type: 'string', default: '64' },
    /** Start rounds without the console's preview first, so the start request plans the round itself. */
    'no-preview': { type: 'boolean', default: false },
  },
});
const N = Number(values.clients);
const ROUNDS = Number(values.rounds);
const SEATS = Number(values.seats);
const CONCURRENCY = Number(values.concurrency);
if (!Number.isInteger(N) || N < 1 || N > 20_000 || !Number.isInteger(ROUNDS) || ROUNDS < 1 || ROUNDS > 10) {
  console.error('usage: npm run bench:ws -- --clients N (1..20000) [--rounds R (1..10)] [--seats K]');
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
    {
      stdio: 'inherit',
      env: { ...process.env, BENCH_WS_RAISED: '1' },
    },
  );
  process.exit(result.status ?? 1);
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });

function rssMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(status.match(new RegExp(`${key}:\\s+(\\d+)`))?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function startServer(dir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: join(dir, 'bench.sqlite'),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
      JOIN_RATE_LIMIT: '1000000',
      WEB_DIST: join(dir, 'no-web'),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

interface Phone {
  token: string;
  socket?: WebSocket;
  /** round number → ms after the start request when this phone had its table */
  got: Map<number, number>;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'tischwechsel-bench-ws-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer(dir, port);
  try {
    const tables = Math.ceil(N / SEATS);
    const created = (await (
      await fetch(`${base}/api/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          title: 'Bench',
          tables: { count: tables, seats: SEATS },
          minutesPerRound: 10,
        }),
      })
    ).json()) as { code: string; moderator: string; screen: string };
    const mod = { authorization: `Bearer ${created.moderator}` };
    const roles = [
      'verwaltung',
      'wirtschaft',
      'community',
      'wissenschaft',
      'zivilgesellschaft',
      'politik',
      'andere',
    ];
    const interests = [
      'governance',
      'souveraenitaet',
      'beschaffung',
      'foerderung',
      'datenplattformen',
      'lizenzen',
    ];

    // 1. Joins over HTTP.
    const phones: Phone[] = [];
    const joinTimes: number[] = [];
    const joinStart = performance.now();
    await runPool(N, CONCURRENCY, async (i) => {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/events/${created.code}/participants`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          displayName: `Person ${i}`,
          organisation: `Org ${i % Math.ceil(N / 5)}`,
          role: roles[i % roles.length],
          stage: i % 5,
          interests: [interests[i % interests.length], interests[(i * 7) % interests.length]].filter(
            (x, k, a) => a.indexOf(x) === k,
          ),
          privacyAccepted: true,
        }),
      });
      if (res.status !== 201) throw new Error(`join ${i}: ${res.status} ${await res.text()}`);
      joinTimes.push(performance.now() - t0);
      phones[i] = { token: ((await res.json()) as { token: string }).token, got: new Map() };
    });
    const joinSeconds = (performance.now() - joinStart) / 1000;

    // 2. Sockets: N phones, one screen, one moderator.
    let round = 0;
    let startedAt = 0;
    const open = (
      hello: object,
      onSnapshot: (m: { view: { seat?: unknown; round?: { number: number } | null } }) => void,
    ) =>
      new Promise<WebSocket>((resolve, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`);
        ws.on('open', () => ws.send(JSON.stringify(hello)));
        ws.on('error', reject);
        let first = true;
        ws.on('message', (data) => {
          const message = JSON.parse(data.toString());
          if (message.type !== 'snapshot') return;
          if (first) {
            first = false;
            resolve(ws);
          }
          onSnapshot(message);
        });
      });
    const connectStart = performance.now();
    await runPool(N, CONCURRENCY * 2, async (i) => {
      const phone = phones[i]!;
      phone.socket = await open({ type: 'hello', role: 'participant', token: phone.token }, (m) => {
        const r = m.view.round?.number;
        if (r && m.view.seat && !phone.got.has(r)) phone.got.set(r, performance.now() - startedAt);
      });
    });
    const connectSeconds = (performance.now() - connectStart) / 1000;
    const screen = await open(
      { type: 'hello', role: 'screen', code: created.code, secret: created.screen },
      () => {},
    );
    const moderator = await open(
      { type: 'hello', role: 'moderator', code: created.code, secret: created.moderator },
      () => {},
    );
    const afterConnect = rssMb(server.pid!);

    // 3. Rounds: from the moderator's start request to each phone's receipt of its table.
    const rows: string[][] = [];
    let peakRss = afterConnect.rss;
    for (round = 1; round <= ROUNDS; round++) {
      // As the console does: the moderator looks at the preview, then starts the round it showed.
      if (!values['no-preview']) {
        const preview = await fetch(`${base}/api/events/${created.code}/preview`, { headers: mod });
        if (preview.status !== 200) throw new Error(`preview: ${preview.status}`);
      }
      startedAt = performance.now();
      const res = await fetch(`${base}/api/events/${created.code}/rounds`, { method: 'POST', headers: mod });
      const startMs = performance.now() - startedAt;
      if (res.status !== 201) throw new Error(`start: ${res.status} ${await res.text()}`);
      const deadline = performance.now() + 15_000;
      while (phones.some((p) => !p.got.has(round)) && performance.now() < deadline)
        await new Promise((r) => setTimeout(r, 5));
      peakRss = Math.max(peakRss, rssMb(server.pid!).rss);
      const latencies = phones
        .flatMap((p) => (p.got.has(round) ? [p.got.get(round)!] : []))
        .sort((a, b) => a - b);
      rows.push([
        String(round),
        startMs.toFixed(0),
        percentile(latencies, 0.5).toFixed(0),
        percentile(latencies, 0.95).toFixed(0),
        percentile(latencies, 0.99).toFixed(0),
        (latencies.at(-1) ?? Number.NaN).toFixed(0),
        String(N - latencies.length),
      ]);
      await fetch(`${base}/api/events/${created.code}/rounds/current/end`, { method: 'POST', headers: mod });
      await new Promise((r) => setTimeout(r, 500));
    }
    const final = rssMb(server.pid!);

    const sortedJoins = joinTimes.sort((a, b) => a - b);
    console.log(
      `\nbench:ws — ${N} phones + 1 screen + 1 moderator, ${tables} tables × ${SEATS}, server on 127.0.0.1 (child process), clients in this process`,
    );
    console.log(
      `joins: ${N} in ${joinSeconds.toFixed(1)} s = ${(N / joinSeconds).toFixed(0)}/s (concurrency ${CONCURRENCY}), p50 ${percentile(sortedJoins, 0.5).toFixed(1)} ms, p99 ${percentile(sortedJoins, 0.99).toFixed(1)} ms`,
    );
    console.log(`sockets: ${N + 2} connected and greeted in ${connectSeconds.toFixed(1)} s`);
    console.log(
      '\n| round | start request ms | p50 ms | p95 ms | p99 ms | max = last client ms | never got it |',
    );
    console.log('|---|---|---|---|---|---|---|');
    for (const row of rows) console.log(`| ${row.join(' | ')} |`);
    console.log(
      `\nserver RSS: ${afterConnect.rss.toFixed(0)} MB after connect, ${peakRss.toFixed(0)} MB peak sampled, ${final.peak.toFixed(0)} MB high-water mark (VmHWM)`,
    );
    for (const p of phones) p.socket?.terminate();
    screen.terminate();
    moderator.terminate();
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
