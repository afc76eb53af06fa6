/**
 * What one moderator socket receives for a big event: the first snapshot, then the frame after an
 * extend and after a join; then the memory 200 non-reading moderator sockets and 30 extends cost, and
 * the slowest /healthz meanwhile. In-process server on 127.0.0.1 (RSS includes the client sockets).
 *
 *   npm run bench:views [-- --people 300,5000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { WebSocket } from 'ws';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';

const { values } = parseArgs({ options: { people: { type: 'string', default: '300,5000' } } });
const sizes = values.people.split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 2 || n > 5000)) {
  console.error('usage: npm run bench:views -- --people 300,5000 (each 2..5000)');
  process.exit(2);
}

async function measure(people: number) {
  const dir = mkdtempSync(join(tmpdir(), 'tischwechsel-views-'));
  const app = await buildApp(
    loadConfig({
      DATABASE_PATH: join(dir, 'views.sqlite'),
      PUBLIC_URL: 'http://127.0.0.1:3999',
      LOG_LEVEL: 'silent',
      WEB_DIST: join(dir, 'no-web'),
    }),
    { logger: false },
  );
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as { port: number };
    const call = async (method: string, url: string, secret?: string, payload?: unknown) => {
      const res = await app.inject({
        method: method as 'POST',
        url,
        payload: payload as object,
        headers: secret ? { authorization: `Bearer ${secret}` } : {},
      });
      if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    };
    const tables = Math.ceil(people / 6);
    const event = await call('POST', '/api/events', undefined, {
      title: 'Views',
      tables: { count: Math.min(1000, tables), seats: 6 },
    });
    const m = event.moderator as string;
    // The last person joins by phone below, so the event holds exactly `people`.
    for (let left = people - 1; left > 0; left -= 500) {
      await call('POST', `/api/events/${event.code}/rehearsal`, m, {
        count: Math.min(500, left),
        seed: left,
      });
    }
    await call('POST', `/api/events/${event.code}/rounds`, m);

    const frames: number[] = [];
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`);
    let waiting: (() => void) | null = null;
    ws.on('message', (data: Buffer) => {
      frames.push(data.length);
      waiting?.();
    });
    const nextFrame = (count: number) =>
      new Promise<number>((resolve) => {
        const check = () => {
          if (frames.length >= count) {
            waiting = null;
            resolve(frames[count - 1]!);
          }
        };
        waiting = check;
        check();
      });
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ type: 'hello', role: 'moderator', code: event.code, secret: m }));
    const snapshot = await nextFrame(1);
    await call('POST', `/api/events/${event.code}/rounds/current/extend`, m, { minutes: 1 });
    const extend = await nextFrame(2);
    await call('POST', `/api/events/${event.code}/participants`, undefined, {
      displayName: 'Late Arrival',
      role: 'verwaltung',
      stage: 1,
      privacyAccepted: true,
    });
    const joined = await nextFrame(3);
    ws.close();

    // The attack from the hardening issue: 200 moderator sockets that never read, then 30 extends.
    const rssBefore = process.memoryUsage().rss;
    const idle = await Promise.all(
      Array.from({ length: 200 }, async () => {
        const s = new WebSocket(`ws://127.0.0.1:${port}/ws`);
        await new Promise((r) => s.once('open', r));
        s.send(JSON.stringify({ type: 'hello', role: 'moderator', code: event.code, secret: m }));
        (s as unknown as { _socket: { pause(): void } })._socket.pause();
        return s;
      }),
    );
    let healthMs = 0;
    for (let i = 0; i < 30; i++) {
      await call('POST', `/api/events/${event.code}/rounds/current/extend`, m, { minutes: 1 });
      await new Promise((r) => setImmediate(r));
      const started = performance.now();
      await fetch(`http://127.0.0.1:${port}/healthz`);
      healthMs = Math.max(healthMs, performance.now() - started);
    }
    const rssGrowth = process.memoryUsage().rss - rssBefore;
    for (const s of idle) s.terminate();
    return { people, snapshot, extend, joined, rssGrowth, healthMs };
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
console.log(
  '| people | first snapshot | after an extend | after a join | RSS growth, 200 idle moderator sockets + 30 extends | slowest /healthz |',
);
console.log('|---|---|---|---|---|---|');
for (const n of sizes) {
  const r = await measure(n);
  console.log(
    `| ${r.people} | ${kb(r.snapshot)} | ${kb(r.extend)} | ${kb(r.joined)} | ${mb(r.rssGrowth)} | ${r.healthMs.toFixed(0)} ms |`,
  );
}
