import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const PROBE = join(ROOT, 'bench/support/loop-probe.mjs');

export const freePort = () =>
  new Promise<number>((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => done(port));
    });
  });

/** Production runs the compiled server, so that is what is measured. */
export function buildServer(): void {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--if-stale', '--server'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('build failed');
}

export interface Served {
  child: ChildProcess;
  base: string;
  port: number;
  /** ms from spawn to the first good /healthz */
  readyMs: number;
}

async function waitHealthy(child: ChildProcess, base: string): Promise<void> {
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('server did not start within 60 s');
}

/** Set to a folder to have the benchmarked server write a CPU profile there when it stops. */
export const profiling = { dir: '' };

function spawnWithProbe(script: string, env: Record<string, string>, profile = false): ChildProcess {
  const cpu = profile && profiling.dir ? ['--cpu-prof', `--cpu-prof-dir=${profiling.dir}`] : [];
  return spawn(process.execPath, [...cpu, '--import', PROBE, script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
}

/** Another build (say, of the commit before a change) can be measured by pointing here at its dist/. */
export const serverBuild = { dist: join(ROOT, 'dist') };

/** `databaseUrl`: a replica on that PostgreSQL database; else the SQLite file in `dir`. */
export async function startTischwechsel(dir: string, port: number, databaseUrl?: string): Promise<Served> {
  const t0 = performance.now();
  const child = spawnWithProbe(
    join(serverBuild.dist, 'server/server.js'),
    {
      ...(databaseUrl && { DATABASE_URL: databaseUrl }),
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: join(dir, 'bench.sqlite'),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
      JOIN_RATE_LIMIT: '1000000',
      WEB_DIST: join(dir, 'no-web'),
    },
    true,
  );
  const base = `http://127.0.0.1:${port}`;
  await waitHealthy(child, base);
  return { child, base, port, readyMs: performance.now() - t0 };
}

export async function startBare(port: number): Promise<Served> {
  const t0 = performance.now();
  const child = spawnWithProbe(join(ROOT, 'bench/support/bare-ws-server.mjs'), { PORT: String(port) });
  const base = `http://127.0.0.1:${port}`;
  await waitHealthy(child, base);
  return { child, base, port, readyMs: performance.now() - t0 };
}

/** Asks a probed server for its event-loop delay (reset first, read after). */
export function loop(child: ChildProcess, what: 'reset'): Promise<void>;
export function loop(child: ChildProcess, what: 'read'): Promise<{ p99: number; max: number }>;
export function loop(child: ChildProcess, what: 'reset' | 'read'): Promise<unknown> {
  return new Promise((done) => {
    const expected = what === 'reset' ? 'loop:reset' : 'loop';
    const onMessage = (message: { type: string }) => {
      if (message.type !== expected) return;
      child.off('message', onMessage);
      done(message);
    };
    child.on('message', onMessage);
    child.send(`loop:${what}`);
  });
}

export async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await gone;
}

export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024;
}
