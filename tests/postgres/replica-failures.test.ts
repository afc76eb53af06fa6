import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { freshDatabase, postgresUrl } from '../helpers/postgres.js';
import { createDatabase, postgresInstalled, startCluster } from '../helpers/postgres-cluster.js';
import {
  exited,
  freePort,
  processProfile,
  requestJson,
  startServerProcess,
} from '../helpers/server-process.js';
import { until } from '../helpers/until.js';
import { TestSocket } from '../helpers/ws.js';

type Replica = Awaited<ReturnType<typeof startServerProcess>>;
type PhoneView = {
  seat: { table: { label: string } } | null;
  round: { number: number; endsAt: number } | null;
};

/** A compiled server process on the database, killed (if still running) when the test finishes. */
async function replicaProcess(url: string): Promise<Replica> {
  const dir = mkdtempSync(join(tmpdir(), 'tischwechsel-replica-'));
  const replica = await startServerProcess(dir, await freePort(), { DATABASE_URL: url });
  onTestFinished(async () => {
    replica.child.kill('SIGKILL');
    await exited(replica.child);
    rmSync(dir, { recursive: true, force: true });
  });
  return replica;
}

const api = requestJson;

const profile = processProfile;

/** An event on `base` with `people` joined through the replicas in turn. */
async function eventWith(bases: string[], people: number) {
  const created = (
    await api(bases[0]!, '/api/events', {
      method: 'POST',
      body: { title: 'Replicas', tables: { count: 6, seats: 5 } },
    })
  ).body;
  const joined: { participantId: string; token: string }[] = [];
  for (let i = 0; i < people; i++) {
    const base = bases[i % bases.length]!;
    const answer = await api(base, `/api/events/${created.code}/participants`, {
      method: 'POST',
      body: profile(i),
    });
    expect(answer.status).toBe(201);
    joined.push(answer.body);
  }
  return { created, joined };
}

/** A phone's view once it says hello on `base`, with a seat when `seated`. */
async function phoneView(
  base: string,
  token: string,
  seated = true,
): Promise<{ socket: TestSocket; view: PhoneView; version: number }> {
  const socket = await TestSocket.open(`${base.replace('http', 'ws')}/ws`);
  onTestFinished(() => socket.close());
  socket.send({ type: 'hello', role: 'participant', token });
  const snapshot = await socket.next('snapshot', (m) => !seated || (m.view as PhoneView).seat !== null);
  return { socket, view: snapshot.view as unknown as PhoneView, version: snapshot.version };
}

const ready = async (base: string) =>
  fetch(`${base}/readyz`).then(
    (r) => r.status === 200,
    () => false,
  );

describe.skipIf(!postgresUrl)('replicas on PostgreSQL when something fails', () => {
  it('kill -9 of the replica that holds the phones mid-round: on the other one they find the same table', async () => {
    const url = await freshDatabase();
    const [a, b] = [await replicaProcess(url), await replicaProcess(url)];
    const { created, joined } = await eventWith([a.base, b.base], 24);
    // The moderator is on B; every phone on A.
    expect(
      (await api(b.base, `/api/events/${created.code}/rounds`, { method: 'POST', secret: created.moderator }))
        .status,
    ).toBe(201);
    const before = await Promise.all(joined.map((p) => phoneView(a.base, p.token)));

    a.child.kill('SIGKILL');
    await exited(a.child);
    await Promise.all(before.map(({ socket }) => socket.closedWith()));

    const after = await Promise.all(joined.map((p) => phoneView(b.base, p.token)));
    for (const [i, { view }] of after.entries()) {
      expect(view.seat!.table.label).toBe(before[i]!.view.seat!.table.label);
      expect(view.round).toEqual(before[i]!.view.round);
    }
    // And the evening goes on on B: the next round seats everyone again.
    expect(
      (
        await api(b.base, `/api/events/${created.code}/rounds/current/end`, {
          method: 'POST',
          secret: created.moderator,
        })
      ).status,
    ).toBe(200);
    expect(
      (await api(b.base, `/api/events/${created.code}/rounds`, { method: 'POST', secret: created.moderator }))
        .status,
    ).toBe(201);
    const state = await api(b.base, `/api/events/${created.code}/state`, { secret: created.moderator });
    expect(
      state.body.participants.filter((p: { tableId: number | null }) => p.tableId !== null),
    ).toHaveLength(24);
  });

  // A server of its own: stopping the shared one would pull it from under the other tests.
  const bins = postgresInstalled();
  it.skipIf(!bins)(
    'a restart of PostgreSQL mid-round: not ready while it is down, then ready, nothing acknowledged lost',
    async () => {
      const cluster = startCluster(bins!);
      onTestFinished(() => cluster.stop());
      const { url } = await createDatabase(cluster.url, 'restart');
      const [a, b] = [await replicaProcess(url), await replicaProcess(url)];
      const { created, joined } = await eventWith([a.base, b.base], 12);
      expect(
        (
          await api(a.base, `/api/events/${created.code}/rounds`, {
            method: 'POST',
            secret: created.moderator,
          })
        ).status,
      ).toBe(201);
      const seatedBefore = await phoneView(b.base, joined[0]!.token);

      cluster.down();
      await until(async () => !(await ready(a.base)) && !(await ready(b.base)), 'both replicas not ready');
      // Alive all the while: the orchestrator must not restart replicas for the database's outage.
      expect((await fetch(`${a.base}/healthz`)).status).toBe(200);
      cluster.up();
      await until(async () => (await ready(a.base)) && (await ready(b.base)), 'both replicas ready again');

      // What was acknowledged before the restart is there, whichever replica is asked.
      for (const base of [a.base, b.base]) {
        const state = await api(base, `/api/events/${created.code}/state`, { secret: created.moderator });
        expect(state.status).toBe(200);
        expect(state.body.participants).toHaveLength(12);
        expect(state.body.round.number).toBe(1);
      }
      const seatedAfter = await phoneView(a.base, joined[0]!.token);
      expect(seatedAfter.view.seat!.table.label).toBe(seatedBefore.view.seat!.table.label);
      // Commands work again, and reach the phone on the other replica.
      const late = await api(b.base, `/api/events/${created.code}/participants`, {
        method: 'POST',
        body: profile(99),
      });
      expect(late.status).toBe(201);
      expect(
        (
          await api(a.base, `/api/events/${created.code}/rounds/current/end`, {
            method: 'POST',
            secret: created.moderator,
          })
        ).status,
      ).toBe(200);
      // The late join is pushed too: wait for the push that has the round ended, whatever came first.
      await seatedBefore.socket.next(
        'snapshot',
        (m) => m.version > seatedAfter.version && (m.view as unknown as PhoneView).seat === null,
      );
    },
  );
});
