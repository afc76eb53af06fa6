import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './build.js';
import { until } from './until.js';

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });

/**
 * The real compiled server as `npm start` runs it (node dist/server/server.js, built by the project's
 * global setup), on 127.0.0.1 with its own database.
 */
export async function startServerProcess(dir: string, port: number, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [join(ROOT, 'dist/server/server.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: join(dir, 'server.sqlite'),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
      WEB_DIST: join(dir, 'no-web'),
      JOIN_RATE_LIMIT: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await until(async () => {
      if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
      return fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
    }, 'server answers /healthz');
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`server did not start: ${(error as Error).message}\n${output}`);
  }
  return { child, base, output: () => output };
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** A JSON request to a server process, as a page or phone makes it; the body is null on 204. */
export async function requestJson(
  base: string,
  path: string,
  init: { method?: string; secret?: string; body?: unknown } = {},
) {
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.secret && { authorization: `Bearer ${init.secret}` }),
      ...(init.body !== undefined && { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field in the tests
  return { status: res.status, body: (res.status === 204 ? null : await res.json()) as any };
}

/** The i-th of a room's varied profiles (roles, stages and organisations mixed). */
export const processProfile = (i: number) => ({
  displayName: `Person ${i}`,
  organisation: `Org ${i % 9}`,
  role: ['verwaltung', 'wirtschaft', 'community', 'wissenschaft'][i % 4],
  stage: i % 5,
  interests: ['governance'],
  privacyAccepted: true,
});
