import { describe, expect, it } from 'vitest';
import { type ChangeSource, Changes } from '../../src/plugins/changes.js';
import { RELAY_CHANNEL, ReplicaRelay } from '../../src/realtime/replica-relay.js';
import { closesAfterTest, freshDatabase, postgresUrl, testPool } from '../helpers/postgres.js';
import { until } from '../helpers/until.js';

interface Replica {
  relay: ReplicaRelay;
  changes: Changes;
  /** Every announcement this replica's Changes made, local or relayed, as `kind eventId [source]`. */
  heard: string[];
  resyncs: number;
  errors: unknown[];
}

async function replica(url: string, replicaId: string): Promise<Replica> {
  const changes = new Changes();
  const r: Replica = { relay: undefined as never, changes, heard: [], resyncs: 0, errors: [] };
  changes.on('changed', (eventId, source: ChangeSource) => r.heard.push(`changed ${eventId} ${source}`));
  changes.on('erased', (eventId) => r.heard.push(`erased ${eventId}`));
  changes.on('screenRevoked', (eventId) => r.heard.push(`screenRevoked ${eventId}`));
  r.relay = closesAfterTest(
    new ReplicaRelay({
      url,
      changes,
      replicaId,
      onResync: () => r.resyncs++,
      onError: (error) => r.errors.push(error),
    }),
    (relay) => relay.stop(),
  );
  await r.relay.start();
  return r;
}

/** Everything `from` announced before this has reached `to` (one replica's announcements keep their order). */
async function settled(from: Replica, to: Replica[], tag: string): Promise<void> {
  from.changes.changed(`barrier-${tag}`);
  await until(() => to.every((r) => r.heard.includes(`changed barrier-${tag} event`)), `barrier ${tag}`);
}

describe.skipIf(!postgresUrl)('announcements across replicas (LISTEN/NOTIFY)', () => {
  it('reach every other replica once, in order, and never come back as an echo', async () => {
    const url = await freshDatabase();
    const a = await replica(url, 'a');
    const b = await replica(url, 'b');
    const c = await replica(url, 'c');
    a.changes.changed('ev1', 'event');
    a.changes.changed('ev1', 'join');
    a.changes.screenRevoked('ev1');
    a.changes.erased('ev2');
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
    // B and C relayed nothing on: A heard only what it said itself, even after B's own barrier came in.
    await settled(b, [a], '2');
    expect(a.heard).toEqual([...said, 'changed barrier-2 event']);
    expect(c.heard.filter((h) => h === 'changed ev1 event')).toHaveLength(1);
    expect([...a.errors, ...b.errors, ...c.errors]).toEqual([]);
  });

  it('come back after the listening connection is lost, and the replica resyncs what it pushes', async () => {
    const url = await freshDatabase();
    const a = await replica(url, 'a');
    const b = await replica(url, 'b');
    const client = testPool(url);
    const { rowCount } = await client.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'tischwechsel-relay b'",
    );
    expect(rowCount).toBe(1);
    await until(() => b.resyncs === 1 && b.relay.listening, 'b listening again');
    a.changes.changed('ev3', 'event');
    await until(() => b.heard.includes('changed ev3 event'), 'b hears after reconnecting');
    expect(b.resyncs).toBe(1);
  });

  it('ignore what is not an announcement on the channel', async () => {
    const url = await freshDatabase();
    const a = await replica(url, 'a');
    const b = await replica(url, 'b');
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
    const a = await replica(url, 'a');
    await a.relay.stop();
    expect(a.relay.listening).toBe(false);
    a.changes.changed('ev5', 'event');
    const client = testPool(url);
    const { rows } = await client.query(
      `select count(*)::int as n from pg_stat_activity
       where datname = current_database() and application_name like 'tischwechsel-relay%'`,
    );
    expect(rows[0].n).toBe(0);
  });
});
