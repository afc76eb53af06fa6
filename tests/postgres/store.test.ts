import net from 'node:net';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Tx } from '../../src/db/handle.js';
import type { PgDb } from '../../src/db/postgres.js';
import { events, participants } from '../../src/db/postgres-schema/index.js';
import { lockEvent, PostgresStore, READY_TIMEOUT_MS } from '../../src/db/postgres-store.js';
import { closesAfterTest, freshDatabase, postgresUrl } from '../helpers/postgres.js';
import { until } from '../helpers/until.js';

async function openStore(url?: string): Promise<PostgresStore> {
  return closesAfterTest(await PostgresStore.open(url ?? (await freshDatabase())), (s) => s.close());
}

/** A promise the test resolves when it wants: a transaction's wait for something slow. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

const moment = new Date(Date.UTC(2026, 11, 2, 8, 0, 0));

async function addEvent(db: PgDb, id: string): Promise<void> {
  await db.insert(events).values({
    id,
    code: `C-${id}`,
    title: 'Netzwerkfrühstück',
    language: 'de',
    minutesPerRound: 12,
    plannedRounds: 4,
    matching: { tableSize: 4 } as never,
    catalogue: { roles: [] } as never,
    moderatorTokenHash: 'm',
    screenTokenHash: 's',
    createdAt: moment,
    updatedAt: moment,
  });
}

const join = (tx: Tx, id: string) =>
  tx.insert(participants).values({
    id,
    eventId: 'ev1',
    displayName: id,
    role: 'admin',
    stage: 1,
    interests: [],
    joinedAt: moment,
  });

const joined = async (db: PgDb) =>
  (await db.select({ id: participants.id }).from(participants).orderBy(asc(participants.id))).map(
    (r) => r.id,
  );

const versionOf = async (db: PgDb, id: string) =>
  (await db.select({ version: events.version }).from(events).where(eq(events.id, id)))[0]?.version;

/**
 * A door on 127.0.0.1 to the test's server that can go silent (a partition: connections stay open,
 * nothing gets through) and shut (nobody listens on the port any more).
 */
async function door(databaseUrl: string) {
  const target = new URL(databaseUrl);
  const socketDir = target.searchParams.get('host');
  const port = Number(target.port || 5432);
  const upstream: net.NetConnectOpts = socketDir?.startsWith('/')
    ? { path: `${socketDir}/.s.PGSQL.${port}` }
    : { host: target.hostname, port };
  let silent = false;
  /** The connections that sent something while the door was silent. */
  const stalled = new Set<net.Socket>();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const server = net.connect(upstream);
    for (const [from, to] of [
      [client, server],
      [server, client],
    ] as const) {
      sockets.add(from);
      from.on('data', (chunk) => (silent ? stalled.add(client) : to.write(chunk)));
      from.on('close', () => {
        sockets.delete(from);
        to.destroy();
      });
      from.on('error', () => {});
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(databaseUrl);
  url.searchParams.delete('host');
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    stalled,
    silence: () => {
      silent = true;
    },
    open: () => {
      silent = false;
    },
    shut: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        if (server.listening) server.close(() => resolve());
        else resolve();
      }),
  };
}

/** A probe's answer and whether it came within ten times its bound (generous: the cores may be busy). */
async function probe(store: PostgresStore): Promise<{ ready: boolean; bounded: boolean }> {
  const started = Date.now();
  const ready = await store.ready();
  return { ready, bounded: Date.now() - started < 10 * READY_TIMEOUT_MS };
}

describe.skipIf(!postgresUrl)('the PostgreSQL store', () => {
  it('reads only what is committed while a transaction waits half done', async () => {
    const store = await openStore();
    await addEvent(store.reader, 'ev1');
    const slow = gate();
    const written = gate();
    const done = store.transaction(async (tx) => {
      await join(tx, 'p1');
      written.open();
      await slow.opened;
      await join(tx, 'p2');
    });
    await written.opened;
    expect(await joined(store.reader)).toEqual([]);
    slow.open();
    await done;
    expect(await joined(store.reader)).toEqual(['p1', 'p2']);
  });

  it('rolls a failed transaction back whole, and the next one starts clean', async () => {
    const store = await openStore();
    await addEvent(store.reader, 'ev1');
    const failed = store.transaction(async (tx) => {
      await join(tx, 'p1');
      await Promise.resolve();
      throw new Error('the rules refuse this');
    });
    await expect(failed).rejects.toThrow(/refuse/);
    expect(await joined(store.reader)).toEqual([]);
    // On the same pooled connection, a transaction left open would commit p1 along with p2.
    await store.transaction((tx) => join(tx, 'p2'));
    expect(await joined(store.reader)).toEqual(['p2']);
  });

  it('queues two transactions on one event at the same instant: the second sees the first', async () => {
    const store = await openStore();
    await addEvent(store.reader, 'ev1');
    const seen: number[] = [];
    const waitingForLock = async () => {
      const { rows } = await store.reader.$client.query<{ n: number }>(
        "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
      );
      return rows[0]!.n > 0;
    };
    const bump = () =>
      store.transaction(async (tx) => {
        const version = await lockEvent(tx, 'ev1');
        seen.push(version!);
        // Holds its turn until the other has read as well or waits for the lock, so that without
        // the lock both would read the same version.
        await until(async () => seen.length === 2 || (await waitingForLock()), 'the other transaction');
        await tx
          .update(events)
          .set({ version: version! + 1 })
          .where(eq(events.id, 'ev1'));
      });
    await Promise.all([bump(), bump()]);
    expect(seen).toEqual([1, 2]);
    expect(await versionOf(store.reader, 'ev1')).toBe(3);
  });

  it('finds no version to lock once the event is gone', async () => {
    const store = await openStore();
    expect(await store.transaction((tx) => lockEvent(tx, 'ev-gone'))).toBeUndefined();
  });

  it('vacuums the tables it is given, and only tables of the schema', async () => {
    const store = await openStore();
    await addEvent(store.reader, 'ev1');
    await store.transaction((tx) => join(tx, 'p1'));
    await store.reader.delete(participants);
    await store.vacuum(['participants']);
    // Statistics may reach the view a moment later on a busy server.
    await until(async () => {
      const { rows } = await store.reader.$client.query<{ n: number }>(
        "select vacuum_count::int as n from pg_stat_user_tables where relname = 'participants'",
      );
      return rows[0]?.n === 1;
    }, 'participants vacuumed');
    await expect(store.vacuum(['participants; drop table events'])).rejects.toThrow(/Not a table/);
    await expect(store.vacuum(['participants', 'pg_authid'])).rejects.toThrow(
      /Not a table of the schema: pg_authid/,
    );
    expect(await versionOf(store.reader, 'ev1')).toBe(1);
  });

  it('is ready while the server answers, and says not within its bound when it does not', async () => {
    const database = await freshDatabase();
    const link = closesAfterTest(await door(database), (d) => d.shut());
    const store = await openStore(link.url);
    expect(await probe(store)).toEqual({ ready: true, bounded: true });

    link.silence();
    // The probe's idle connection: the answer never comes.
    expect(await probe(store)).toEqual({ ready: false, bounded: true });
    // A new connection: the server's greeting never comes.
    expect(await probe(store)).toEqual({ ready: false, bounded: true });
    expect(link.stalled.size).toBeGreaterThan(0);
    // Nothing is left waiting on the silent link: pg let go of every connection that went unanswered.
    await until(() => [...link.stalled].every((s) => s.destroyed), 'stalled connections dropped');

    link.open();
    expect(await probe(store)).toEqual({ ready: true, bounded: true });

    await link.shut();
    expect(await probe(store)).toEqual({ ready: false, bounded: true });
  });

  it('survives losing a transaction’s connection mid-way: the pool drops it and the next one runs', async () => {
    const store = await openStore();
    await addEvent(store.reader, 'ev1');
    const held = gate();
    const lost = gate();
    let pid = 0;
    const failed = store.transaction(async (tx) => {
      const { rows } = await tx.$client.query<{ pid: number }>('select pg_backend_pid() as pid');
      pid = rows[0]!.pid;
      tx.$client.once('end', lost.open);
      held.open();
      await lost.opened;
      await join(tx, 'p1');
    });
    await held.opened;
    await store.reader.$client.query('select pg_terminate_backend($1)', [pid]);
    await expect(failed).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/terminated|not queryable/) },
    });
    await store.transaction((tx) => join(tx, 'p2'));
    expect(await joined(store.reader)).toEqual(['p2']);
  });

  it('runs a job on one replica at a time: another that asks meanwhile skips it, a later one runs it', async () => {
    const url = await freshDatabase();
    const [a, b] = [await openStore(url), await openStore(url)];
    const running = gate();
    const release = gate();
    const first = a.onlyOne('retention', async () => {
      running.open();
      await release.opened;
      return 'a';
    });
    await running.opened;
    let ranOnB = false;
    expect(
      await b.onlyOne('retention', async () => {
        ranOnB = true;
        return 'b';
      }),
    ).toBeUndefined();
    expect(ranOnB).toBe(false);
    // Another job is not held up by this one.
    expect(await b.onlyOne('other', async () => 'other')).toBe('other');
    release.open();
    expect(await first).toBe('a');
    expect(await b.onlyOne('retention', async () => 'b')).toBe('b');
  });
});
