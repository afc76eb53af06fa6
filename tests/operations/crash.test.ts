import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { connectRealtime, type RealtimeClient } from '../../web/src/lib/realtime-client.js';
import {
  exited,
  freePort,
  processProfile,
  requestJson,
  startServerProcess,
} from '../helpers/server-process.js';
import { onPostgres, postgresDatabase } from '../helpers/store-under-test.js';
import { until } from '../helpers/until.js';
import { recordingWebSocket } from '../helpers/ws.js';

type Server = Awaited<ReturnType<typeof startServerProcess>>;
type PhoneView = {
  seat: { table: { label: string } } | null;
  round: { number: number; endsAt: number } | null;
};

let dir: string;
let port: number;
let server: Server;
let clients: RealtimeClient[] = [];
/** The server's PostgreSQL database, when this project runs on PostgreSQL; else its SQLite file in dir. */
let database: { url: string; drop: () => Promise<void> } | null = null;
const storeEnv = (): Record<string, string> => (database ? { DATABASE_URL: database.url } : {});

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tischwechsel-crash-'));
  port = await freePort();
  database = onPostgres ? await postgresDatabase() : null;
  server = await startServerProcess(dir, port, storeEnv());
});
afterEach(async () => {
  for (const c of clients) c.close();
  clients = [];
  server.child.kill('SIGKILL');
  await exited(server.child);
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

const api = (path: string, init?: Parameters<typeof requestJson>[2]) => requestJson(server.base, path, init);

const profile = processProfile;

async function eventWith(people: number) {
  const created = (
    await api('/api/events', { method: 'POST', body: { title: 'Crash', tables: { count: 12, seats: 5 } } })
  ).body;
  const tokens: { participantId: string; token: string }[] = [];
  for (let i = 0; i < people; i++) {
    tokens.push(
      (await api(`/api/events/${created.code}/participants`, { method: 'POST', body: profile(i) })).body,
    );
  }
  return { created, tokens };
}

async function restartAfterKill() {
  server.child.kill('SIGKILL');
  await exited(server.child);
  server = await startServerProcess(dir, port, storeEnv());
}

/**
 * SQLite's own check of the file a kill left. PostgreSQL replays its WAL on its own; what a kill of a
 * replica leaves there is what the assertions on the data below check.
 */
function expectIntact() {
  if (onPostgres) return;
  const db = new Database(join(dir, 'server.sqlite'), { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    db.close();
  }
}

/** What each phone's socket heard, by message type: a reconnect is over when its answer came. */
let heard: string[][] = [];

function phones(tokens: { token: string }[]) {
  const views = tokens.map(() => [] as PhoneView[]);
  heard = tokens.map(() => []);
  clients = tokens.map((t, i) =>
    connectRealtime({
      url: `ws://127.0.0.1:${port}/ws`,
      credentials: { type: 'hello', role: 'participant', token: t.token },
      onView: (v) => views[i]!.push(v as PhoneView),
      WebSocketImpl: recordingWebSocket(heard[i]!) as never,
      initialBackoffMs: 100,
      maxBackoffMs: 800,
    }),
  );
  return views;
}

describe('kill -9 and restart', () => {
  it('in a live round with 50 sockets: everyone reconnects by themselves to the same table and end time', async () => {
    const { created, tokens } = await eventWith(50);
    const started = await api(`/api/events/${created.code}/rounds`, {
      method: 'POST',
      secret: created.moderator,
    });
    expect(started.status).toBe(201);
    const before = (await api(`/api/events/${created.code}/state`, { secret: created.moderator })).body;
    phones(tokens);
    await until(() => clients.every((c) => (c.view as PhoneView | null)?.seat));
    const seen = clients.map((c) => structuredClone(c.view as PhoneView));

    const marks = heard.map((h) => h.length);
    await restartAfterKill();
    expectIntact();
    const after = (await api(`/api/events/${created.code}/state`, { secret: created.moderator })).body;
    expect(after.round).toEqual(before.round);
    expect(after.participants).toEqual(before.participants);

    // Each client reconnects on its own; a server that came back with the same data answers "unchanged".
    await until(
      () =>
        heard.every((h, i) => h.slice(marks[i]).some((type) => type === 'unchanged' || type === 'snapshot')),
      'every phone answered after reconnecting',
    );
    for (const [i, client] of clients.entries()) {
      const view = client.view as PhoneView;
      expect(view).toEqual(seen[i]);
      const mine = after.participants.find((p: { id: string }) => p.id === tokens[i]!.participantId);
      expect(view.seat?.table.label).toBe(
        after.tables.find((x: { id: number }) => x.id === mine.tableId).label,
      );
      expect(view.round?.endsAt).toBe(before.round.endsAt);
    }
  });

  it('during a join burst: every acknowledged join is still there', async () => {
    const created = (
      await api('/api/events', { method: 'POST', body: { title: 'Burst', tables: { count: 40, seats: 6 } } })
    ).body;
    const acknowledged: string[] = [];
    let stop = false;
    const burst = Array.from({ length: 8 }, async (_, w) => {
      for (let i = 0; !stop; i++) {
        try {
          const res = await api(`/api/events/${created.code}/participants`, {
            method: 'POST',
            body: profile(w * 1000 + i),
          });
          if (res.status === 201) acknowledged.push(res.body.participantId);
        } catch {
          return;
        }
      }
    });
    await until(() => acknowledged.length >= 40);
    server.child.kill('SIGKILL');
    stop = true;
    await Promise.all(burst);
    await exited(server.child);
    server = await startServerProcess(dir, port, storeEnv());
    expectIntact();
    const state = (await api(`/api/events/${created.code}/state`, { secret: created.moderator })).body;
    const ids = new Set(state.participants.map((p: { id: string }) => p.id));
    for (const id of acknowledged) expect(ids.has(id)).toBe(true);
  });

  it('joins sent together (answered from one batched commit) are each there after a kill -9', async () => {
    const created = (
      await api('/api/events', { method: 'POST', body: { title: 'Batch', tables: { count: 30, seats: 6 } } })
    ).body;
    const answers = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        api(`/api/events/${created.code}/participants`, { method: 'POST', body: profile(5000 + i) }),
      ),
    );
    expect(answers.every((a) => a.status === 201)).toBe(true);
    // Killed the moment the last answer is in: nothing may have been left to a later write.
    await restartAfterKill();
    expectIntact();
    const state = (await api(`/api/events/${created.code}/state`, { secret: created.moderator })).body;
    const ids = new Set(state.participants.map((p: { id: string }) => p.id));
    for (const a of answers) expect(ids.has(a.body.participantId)).toBe(true);
    expect(ids.size).toBe(120);
  });

  it('during a round start: the round is there whole or not at all, and an acknowledged start is there', async () => {
    const { created } = await eventWith(55);
    // The kill lands as soon as the whole request is on the wire: mid-transaction or just before it.
    const answer = await new Promise<{ status: number } | null>((resolve) => {
      const request = httpRequest(`${server.base}/api/events/${created.code}/rounds`, {
        method: 'POST',
        headers: { authorization: `Bearer ${created.moderator}`, 'content-length': '0' },
      });
      request.on('response', (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0 });
      });
      request.on('error', () => resolve(null));
      request.on('finish', () => server.child.kill('SIGKILL'));
      request.end();
    });
    await exited(server.child);
    server = await startServerProcess(dir, port, storeEnv());
    expectIntact();
    const state = (await api(`/api/events/${created.code}/state`, { secret: created.moderator })).body;
    if (answer?.status === 201) expect(state.rounds).toHaveLength(1);
    if (state.rounds.length === 1) {
      expect(state.participants.filter((p: { tableId: number | null }) => p.tableId !== null)).toHaveLength(
        55,
      );
    } else {
      expect(state.participants.every((p: { tableId: number | null }) => p.tableId === null)).toBe(true);
    }
    expect(state.participants).toHaveLength(55);
  });
});

describe('SIGTERM', () => {
  it('closes gracefully: sockets hear "restarting" (1012), the process exits 0, nothing is lost', async () => {
    const { created, tokens } = await eventWith(5);
    await api(`/api/events/${created.code}/rounds`, { method: 'POST', secret: created.moderator });
    const socket = new WebSocket(`ws://127.0.0.1:${port}/ws`);
    const messages: string[] = [];
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.on('message', (d) => messages.push(JSON.parse(d.toString()).type));
    await new Promise((r) => socket.on('open', r));
    socket.send(JSON.stringify({ type: 'hello', role: 'participant', token: tokens[0]!.token }));
    await until(() => messages.includes('snapshot'));
    server.child.kill('SIGTERM');
    expect(await closed).toBe(1012);
    expect(messages).toContain('restarting');
    expect(await exited(server.child)).toBe(0);
    expectIntact();
    server = await startServerProcess(dir, port, storeEnv());
    const state = (await api(`/api/events/${created.code}/state`, { secret: created.moderator })).body;
    expect(state.participants).toHaveLength(5);
    expect(state.event.phase).toBe('round');
  });
});
