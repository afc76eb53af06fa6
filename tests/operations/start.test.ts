import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ROOT } from '../helpers/build.js';
import { exited, freePort } from '../helpers/server-process.js';
import { until } from '../helpers/until.js';

let dir: string;
let npm: ChildProcess | undefined;
let silent: Socket | undefined;
let preconnect: Socket | undefined;
afterEach(() => {
  silent?.destroy();
  preconnect?.destroy();
  // The whole process group: a server orphaned by a failing start path must not outlive the test.
  try {
    if (npm?.pid) process.kill(-npm.pid, 'SIGKILL');
  } catch {}
  rmSync(dir, { recursive: true, force: true });
});

/**
 * A phone that has gone off the Wi-Fi: its socket was upgraded, and it never sends another byte, so it
 * never answers the server's close frame either.
 */
async function vanishedPhone(port: number): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  let answer = '';
  socket.on('data', (d) => (answer += d));
  socket.write(
    [
      'GET /ws HTTP/1.1',
      `Host: 127.0.0.1:${port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
      'Sec-WebSocket-Version: 13',
      '',
      '',
    ].join('\r\n'),
  );
  await until(() => answer.startsWith('HTTP/1.1 101'), 'the upgrade');
  return socket;
}

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
  it('npm start runs the compiled server; SIGTERM to npm reaches it: sockets get 1012 "restarting", exit 0 without waiting on a phone that never answers or a connection that never asks', async () => {
    const port = await freePort();
    const server = await npmStart(port);
    npm = server.child;
    const event = await api(server.base, '/api/events', { title: 'Start', tables: { count: 2, seats: 4 } });
    // The bundled docs plugin finds the Swagger UI files copied beside the bundle.
    for (const [path, type] of [
      ['/docs/', 'text/html'],
      ['/docs/static/swagger-ui-bundle.js', 'javascript'],
      ['/docs/static/logo.svg', 'image/svg+xml'],
      ['/docs/json', 'application/json'],
    ]) {
      const res = await fetch(`${server.base}${path}`);
      expect([path, res.status, res.headers.get('content-type')]).toEqual([
        path,
        200,
        expect.stringContaining(type!),
      ]);
    }
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
    // ws waits 30 s for a close handshake; the server's own limit is 10 s, past which it exits 1.
    silent = await vanishedPhone(port);
    // A connection that never sends a request (a browser's speculative preconnect): Node would wait a
    // minute for its headers. It is accepted before the next request is answered.
    preconnect = connect(port, '127.0.0.1');
    await once(preconnect, 'connect');
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);

    npm.kill('SIGTERM');
    await until(() => closed !== null, 'socket closed');
    expect(closed).toEqual({ code: 1012, reason: 'server restarting' });
    expect(heard).toContain('restarting');
    expect(await exited(npm), server.output()).toBe(0);
    // The server itself is gone, not orphaned behind a dead shell.
    expect(await server.healthy()).toBe(false);
  });

  it('the built server bundles no dev dependency and loads only production ones', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const dev = Object.keys(pkg.devDependencies);
    const meta = JSON.parse(readFileSync(join(ROOT, 'dist/server/meta.json'), 'utf8')) as {
      inputs: Record<string, unknown>;
      outputs: Record<string, { imports: { path: string; external?: boolean }[] }>;
    };
    const packageOf = (path: string) => {
      const [first, second] = path.split('/');
      return first!.startsWith('@') ? `${first}/${second}` : first!;
    };
    const bundled = new Set(
      Object.keys(meta.inputs)
        .filter((input) => input.includes('node_modules/'))
        .map((input) => packageOf(input.slice(input.lastIndexOf('node_modules/') + 'node_modules/'.length))),
    );
    const loaded = new Set(
      Object.values(meta.outputs)
        .flatMap((output) => output.imports)
        .filter((imported) => imported.external && !isBuiltin(imported.path))
        .map((imported) => packageOf(imported.path))
        // Optional speed-ups and colours the bundled packages try and do without.
        // pg-native: pg's optional libpq binding, loaded only when `pg.native` is asked for (never here).
        .filter((name) => !['bufferutil', 'utf-8-validate', 'supports-color', 'pg-native'].includes(name)),
    );
    expect(bundled.has('fastify')).toBe(true);
    expect([...bundled].filter((name) => dev.includes(name))).toEqual([]);
    expect([...loaded].sort()).toEqual(['better-sqlite3', 'pino', 'piscina']);
    expect([...loaded].filter((name) => !(name in pkg.dependencies))).toEqual([]);
  });
});
