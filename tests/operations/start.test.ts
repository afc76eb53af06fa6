import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ROOT } from '../helpers/build.js';
import { exited, freePort } from '../helpers/server-process.js';
import { until } from '../helpers/until.js';

let dir: string;
let npm: ChildProcess | undefined;
afterEach(() => {
  // The whole process group: a server orphaned by a failing start path must not outlive the test.
  try {
    if (npm?.pid) process.kill(-npm.pid, 'SIGKILL');
  } catch {}
  rmSync(dir, { recursive: true, force: true });
});

/** `npm start` exactly as the README has it: npm, its shell, the prestart check, then node. */
async function npmStart(port: number) {
  dir = mkdtempSync(join(tmpdir(), 'tischwechsel-start-'));
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: join(dir, 'start.sqlite'),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  const healthy = () =>
    fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
  await until(async () => {
    if (child.exitCode !== null) throw new Error(`npm start exited: ${output}`);
    return healthy();
  }, 'server answers /healthz');
  return { child, base, healthy, output: () => output };
}

// biome-ignore lint/suspicious/noExplicitAny: the test reads two known fields of the answers
async function api(base: string, path: string, body: unknown): Promise<any> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return res.json();
}

describe('the production start path', () => {
  it('npm start runs the compiled server; SIGTERM to npm reaches it: sockets get 1012 "restarting", exit 0', async () => {
    const port = await freePort();
    const server = await npmStart(port);
    npm = server.child;
    const event = await api(server.base, '/api/events', { title: 'Start', tables: { count: 2, seats: 4 } });
    const me = await api(server.base, `/api/events/${event.code}/participants`, {
      displayName: 'Ada',
      role: 'verwaltung',
      stage: 1,
      interests: [],
      privacyAccepted: true,
    });
    const socket = new WebSocket(`ws://127.0.0.1:${port}/ws`);
    const heard: string[] = [];
    let closed: { code: number; reason: string } | null = null;
    socket.on('message', (d) => heard.push(JSON.parse(d.toString()).type));
    socket.on('close', (code, reason) => (closed = { code, reason: reason.toString() }));
    await new Promise((r) => socket.once('open', r));
    socket.send(JSON.stringify({ type: 'hello', role: 'participant', token: me.token }));
    await until(() => heard.includes('snapshot'), 'snapshot');

    npm.kill('SIGTERM');
    await until(() => closed !== null, 'socket closed');
    expect(closed).toEqual({ code: 1012, reason: 'server restarting' });
    expect(heard).toContain('restarting');
    expect(await exited(npm)).toBe(0);
    // The server itself is gone, not orphaned behind a dead shell.
    expect(await server.healthy()).toBe(false);
  });

  it('the compiled server imports no dev dependency', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const dev = Object.keys(pkg.devDependencies);
    const files = readdirSync(join(ROOT, 'dist/server'), { recursive: true, encoding: 'utf8' });
    const imported = new Set<string>();
    for (const file of files.filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(join(ROOT, 'dist/server', file), 'utf8');
      for (const [, name] of code.matchAll(
        /(?:from\s*|import\s*\(\s*|require\s*\(\s*)['"]([^'".][^'"]*)['"]/g,
      )) {
        imported.add(name!.startsWith('@') ? name!.split('/').slice(0, 2).join('/') : name!.split('/')[0]!);
      }
    }
    expect(imported.has('fastify')).toBe(true);
    expect([...imported].filter((name) => dev.includes(name))).toEqual([]);
  });
});
