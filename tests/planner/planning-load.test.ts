import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auth, createEvent, join } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { exited, freePort, startServerProcess } from '../helpers/server-process.js';

const BOUNDED = { timeout: 600_000 };

describe('planning work is bounded', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('limits previews and rehearsal fills per moderator secret', BOUNDED, async () => {
    t = await createTestApp();
    const event = await createEvent(t.app, { tables: { count: 2, seats: 4 } });
    for (let i = 0; i < 4; i++) await join(t.app, event.code);
    const preview = () =>
      t!.app.inject({
        method: 'GET',
        url: `/api/events/${event.code}/preview`,
        headers: auth(event.moderator),
      });
    const codes: number[] = [];
    for (let i = 0; i < 61; i++) codes.push((await preview()).statusCode);
    expect(codes.slice(0, 60).every((c) => c === 200)).toBe(true);
    expect(codes[60]).toBe(429);
    expect((await preview()).json().error.code).toBe('rate_limited');

    const fill = () =>
      t!.app.inject({
        method: 'POST',
        url: `/api/events/${event.code}/rehearsal`,
        headers: auth(event.moderator),
        payload: { count: 1 },
      });
    const fills: number[] = [];
    for (let i = 0; i < 11; i++) fills.push((await fill()).statusCode);
    expect(fills.filter((c) => c === 201)).toHaveLength(10);
    expect(fills[10]).toBe(429);
  });
});

describe('the server keeps answering while it plans', () => {
  it('answers /healthz while a 1,000-table event is planned and previewed', BOUNDED, async () => {
    const dir = mkdtempSync(joinPath(tmpdir(), 'tischwechsel-planning-'));
    const port = await freePort();
    const server = await startServerProcess(dir, port);
    try {
      const post = (path: string, body: unknown, secret?: string) =>
        fetch(`${server.base}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(secret ? auth(secret) : {}) },
          body: JSON.stringify(body),
        });
      const created = (await (
        await post('/api/events', { title: 'Messe', tables: { count: 1000, seats: 4 }, plannedRounds: 4 })
      ).json()) as { code: string; moderator: string };
      for (let i = 0; i < 4; i++) {
        const res = await post(
          `/api/events/${created.code}/rehearsal`,
          { count: 500, seed: i },
          created.moderator,
        );
        expect(res.status).toBe(201);
      }
      // The preview waits for the planner threads; meanwhile the main thread must keep answering.
      const previewing = fetch(`${server.base}/api/events/${created.code}/preview`, {
        headers: auth(created.moderator),
      });
      let slowest = 0;
      let answered = 0;
      let done = false;
      void previewing.finally(() => {
        done = true;
      });
      while (!done || answered < 5) {
        const started = performance.now();
        const health = await fetch(`${server.base}/healthz`);
        expect(health.status).toBe(200);
        slowest = Math.max(slowest, performance.now() - started);
        answered++;
      }
      expect((await previewing).status).toBe(200);
      // A correctness bound, not a benchmark: planning in the request thread stalled it for seconds.
      expect(slowest).toBeLessThan(5_000);
    } finally {
      server.child.kill('SIGTERM');
      await exited(server.child);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the plan after kill -9', () => {
  it('gives the same next round after the server was killed and restarted', BOUNDED, async () => {
    const dir = mkdtempSync(joinPath(tmpdir(), 'tischwechsel-plan-kill-'));
    const port = await freePort();
    let server = await startServerProcess(dir, port);
    try {
      const call = async (method: string, path: string, secret?: string, body?: unknown) => {
        const res = await fetch(`${server.base}${path}`, {
          method,
          headers: {
            ...(secret ? auth(secret) : {}),
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field
        return { status: res.status, body: (await res.json()) as any };
      };
      const created = (
        await call('POST', '/api/events', undefined, { title: 'Frühstück', tables: { count: 4, seats: 5 } })
      ).body as { code: string; moderator: string };
      const ev = `/api/events/${created.code}`;
      expect((await call('POST', `${ev}/rehearsal`, created.moderator, { count: 18, seed: 3 })).status).toBe(
        201,
      );
      const before = await call('GET', `${ev}/preview`, created.moderator);
      expect(before.status).toBe(200);
      server.child.kill('SIGKILL');
      await exited(server.child);
      server = await startServerProcess(dir, port);
      const state = await call('GET', `${ev}/state`, created.moderator);
      expect(state.body.plan.current).toBe(true);
      const after = await call('GET', `${ev}/preview`, created.moderator);
      expect(after.body.tables).toEqual(before.body.tables);
    } finally {
      server.child.kill('SIGKILL');
      await exited(server.child);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
