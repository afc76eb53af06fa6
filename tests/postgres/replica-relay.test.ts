import { describe, expect, it } from 'vitest';
import { tellReplicas } from '../../src/commands/unit-of-work.js';
import { PostgresStore } from '../../src/db/postgres-store.js';
import { type Announcement, type ChangeSource, Changes, RELAY_CHANNEL } from '../../src/plugins/changes.js';
import { ReplicaRelay } from '../../src/realtime/replica-relay.js';
import { closesAfterTest, freshDatabase, postgresUrl, testPool } from '../helpers/postgres.js';
import { until } from '../helpers/until.js';

interface Replica {
  relay: ReplicaRelay;
  store: PostgresStore;
  changes: Changes;
  /** Every announcement this replica's Changes made, local or relayed, as `kind eventId [source]`. */
  heard: string[];
  resyncs: number;
  errors: unknown[];
}

async function replica(url: string): Promise<Replica> {
  const changes = new Changes();
  // A test may close it itself, as a replica that is gone.
  const store = closesAfterTest(await PostgresStore.open(url), (s) => s.close().catch(() => {}));
  const r: Replica = { relay: undefined as never, store, changes, heard: [], resyncs: 0, errors: [] };
  changes.on('changed', (eventId, source: ChangeSource) => r.heard.push(`changed ${eventId} ${source}`));
  changes.on('erased', (eventId) => r.heard.push(`erased ${eventId}`));
  changes.on('screenRevoked', (eventId) => r.heard.push(`screenRevoked ${eventId}`));
  r.relay = closesAfterTest(
    new ReplicaRelay({
      url,
      changes,
      onResync: () => r.resyncs++,
      onError: (error) => r.errors.push(error),
    }),
    (relay) => relay.stop(),
  );
  await r.relay.start();
  return r;
}

/** A change committed on replica `r` that tells the others, as a command does. */
const committed = (r: Replica, a: Announcement) => r.store.transaction((tx) => tellReplicas(r, tx, a));
const changed = (eventId: string, source: ChangeSource = 'event') =>
  ({ kind: 'changed', eventId, source }) as const;

/** Everything `from` announced before this has reached `to` (one replica's announcements keep their order). */
async function settled(from: Replica, to: Replica[], tag: string): Promise<void> {
  await committed(from, changed(`barrier-${tag}`));
  await until(() => to.every((r) => r.heard.includes(`changed barrier-${tag} event`)), `barrier ${tag}`);
}

describe.skipIf(!postgresUrl)('announcements across replicas (LISTEN/NOTIFY)', () => {
  it('reach every other replica once, in order, and never come back as an echo', async () => {
    const url = await freshDatabase();
    const a = await replica(url);
    const b = await replica(url);
    const c = await replica(url);
    await committed(a, changed('ev1'));
    await committed(a, changed('ev1', 'join'));
    await committed(a, { kind: 'screenRevoked', eventId: 'ev1' });
    await committed(a, { kind: 'erased', eventId: 'ev2' });
    await settled(a, [b, c], '1');
    const said = [
      'changed ev1 event',
      'changed ev1 join',
      'screenRevoked ev1',
      'erased ev2',
      'changed barrier-1 event',
    ];
    expect(b.heard).toEqual(said);
    expect(c.heard).toEqual(said);
    // Nothing came back to A as an echo, of its own or relayed on by B and C: A heard B's barrier only.
    await settled(b, [a], '2');
    expect(a.heard).toEqual(['changed barrier-2 event']);
    expect(c.heard.filter((h) => h === 'changed ev1 event')).toHaveLength(1);
    expect([...a.errors, ...b.errors, ...c.errors]).toEqual([]);
  });

  it('come back after the listening connection is lost, and the replica resyncs what it pushes', async () => {
    const url = await freshDatabase();
    const a = await replica(url);
    const b = await replica(url);
    const client = testPool(url);
    const { rowCount } = await client.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1',
      [`tischwechsel-relay ${b.changes.replicaId}`],
    );
    expect(rowCount).toBe(1);
    await until(() => b.resyncs === 1 && b.relay.listening, 'b listening again');
    await committed(a, changed('ev3'));
    await until(() => b.heard.includes('changed ev3 event'), 'b hears after reconnecting');
    expect(b.resyncs).toBe(1);
  });

  it('go out with the commit: never from a transaction that rolled back, even from one whose replica is gone the moment after', async () => {
    const url = await freshDatabase();
    const a = await replica(url);
    const b = await replica(url);
    await expect(
      a.store.transaction(async (tx) => {
        await tellReplicas(a, tx, changed('rolled-back'));
        throw new Error('the command failed after telling');
      }),
    ).rejects.toThrow('the command failed');
    // A commits and is gone at once: nothing of A's runs after its commit, and B hears it still.
    await committed(a, changed('ev6'));
    await a.relay.stop();
    await a.store.close();
    await until(
      () => b.heard.includes('changed ev6 event'),
      'b hears the last commit of a replica gone since',
    );
    // Had the rolled-back one gone out, it would have come first (notifications keep commit order).
    expect(b.heard).toEqual(['changed ev6 event']);
  });

  it('ignore what is not an announcement on the channel', async () => {
    const url = await freshDatabase();
    const a = await replica(url);
    const b = await replica(url);
    const client = testPool(url);
    for (const payload of [
      'not json',
      '{"kind":"changed"}',
      '{"from":"x","kind":"dropTables","eventId":"e"}',
      '',
    ]) {
      await client.query('select pg_notify($1, $2)', [RELAY_CHANNEL, payload]);
    }
    await client.query('select pg_notify($1, $2)', [
      RELAY_CHANNEL,
      JSON.stringify({ from: 'x', kind: 'changed', eventId: 'ev4', source: 'event' }),
    ]);
    await until(
      () => [a, b].every((r) => r.heard.includes('changed ev4 event')),
      'the valid one arrives at both',
    );
    expect(b.heard).toEqual(['changed ev4 event']);
    expect(a.heard).toEqual(['changed ev4 event']);
    expect(b.errors).toEqual([]);
  });

  it('stop listening when stopped, without reconnecting', async () => {
    const url = await freshDatabase();
    const a = await replica(url);
    await a.relay.stop();
    expect(a.relay.listening).toBe(false);
    const client = testPool(url);
    const { rows } = await client.query(
      `select count(*)::int as n from pg_stat_activity
       where datname = current_database() and application_name like 'tischwechsel-relay%'`,
    );
    expect(rows[0].n).toBe(0);
  });
});
