import { eq, getTableName, is } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { markOneDatabase, type Store, type Tx } from './handle.js';
import { openPostgres, type PgDb } from './postgres.js';
import * as schema from './postgres-schema/index.js';

/** A connection of the pool while one of the store's transactions holds it. */
export type PgTx = Tx & { $client: pg.PoolClient };

/** The first half of the jobs' advisory lock keys (any fixed number; the second is the job's name). */
const JOB_LOCKS = 73184229;

/** How long the readiness probe waits for the server, to connect and again for the answer. */
export const READY_TIMEOUT_MS = 1500;

const TABLE_NAMES = new Set(
  (Object.values(schema) as unknown[])
    .filter((v): v is PgTable => is(v, PgTable))
    .map((t) => getTableName(t)),
);

/**
 * The row lock that makes the commands on one event queue, across replicas too, while other events
 * go on in parallel: the event's version as it stands once the lock is held, or undefined when the
 * event is gone.
 */
export async function lockEvent(tx: Tx, eventId: string): Promise<number | undefined> {
  const [row] = await tx
    .select({ version: schema.events.version })
    .from(schema.events)
    .where(eq(schema.events.id, eventId))
    .for('update');
  return row?.version;
}

/**
 * One PostgreSQL database as the service uses it, the same shape as `SqliteStore`: reads on the pool
 * see only what is committed (READ COMMITTED), and each transaction holds one connection of the pool
 * from BEGIN to COMMIT, so transactions of different events run side by side.
 */
export class PostgresStore implements Store {
  /** Drizzle builds its relational config per handle: one handle per pooled connection, made once. */
  private readonly handles = new WeakMap<pg.PoolClient, PgTx>();
  /** What the reader and every transaction's handle share (the committed states kept for readers). */
  private readonly database = {};

  private constructor(
    /** Reads outside transactions. */
    readonly reader: PgDb,
    /**
     * Readiness asks on a pool of its own: the main pool's queue under load must not pull the
     * replica out of the balancer, and the main pool must not inherit the probe's short timeouts.
     */
    private readonly probe: pg.Pool,
  ) {
    markOneDatabase([reader], this.database);
  }

  /** Connects and applies pending migrations (one replica at a time). */
  static async open(url: string): Promise<PostgresStore> {
    const reader = await openPostgres(url);
    const probe = new pg.Pool({
      connectionString: url,
      max: 1,
      // Both bounds, so an unreachable server settles every probe instead of leaving it waiting on TCP.
      connectionTimeoutMillis: READY_TIMEOUT_MS,
      query_timeout: READY_TIMEOUT_MS,
    });
    // An idle probe connection the server closed is dropped; the next probe opens another.
    probe.on('error', () => {});
    return new PostgresStore(reader, probe);
  }

  /**
   * Runs `work` in a transaction of its own: committed when `work` resolves, rolled back when it
   * throws. Commands on one event queue through `lockEvent`, not here.
   */
  async transaction<T>(work: (tx: PgTx) => Promise<T> | T): Promise<T> {
    const client = await this.reader.$client.connect();
    // A connection whose BEGIN, COMMIT or ROLLBACK failed is in a state nobody knows (often dead):
    // releasing it with the error makes the pool discard it rather than hand it to the next caller.
    let broken: Error | undefined;
    const own = (statement: string) =>
      client.query(statement).catch((error: Error) => {
        broken = error;
        throw error;
      });
    // A checked-out client reports a lost connection as an error event, which would end the process
    // unheard; the work hears of it from its next query.
    const lost = (error: Error) => {
      broken ??= error;
    };
    client.on('error', lost);
    try {
      await own('BEGIN');
      let result: T;
      try {
        result = await work(this.handleOn(client));
      } catch (error) {
        // The work's failure is what the caller needs to hear, not a failed ROLLBACK's.
        await own('ROLLBACK').catch(() => {});
        throw error;
      }
      await own('COMMIT');
      return result;
    } finally {
      client.off('error', lost);
      client.release(broken);
    }
  }

  /**
   * A session advisory lock named for the job, held on a connection of its own while it runs: a
   * replica that does not get it at once skips the job, since another one is doing it.
   */
  async onlyOne<T>(job: string, work: () => Promise<T>): Promise<T | undefined> {
    const client = await this.reader.$client.connect();
    try {
      const { rows } = await client.query<{ got: boolean }>(
        'select pg_try_advisory_lock($1, hashtext($2)) as got',
        [JOB_LOCKS, job],
      );
      if (!rows[0]?.got) return undefined;
      try {
        return await work();
      } finally {
        await client.query('select pg_advisory_unlock($1, hashtext($2))', [JOB_LOCKS, job]);
      }
    } finally {
      client.release();
    }
  }

  /** The event's row lock (`lockEvent`), held to the transaction's end. */
  async lockEvent(tx: Tx, eventId: string): Promise<void> {
    await lockEvent(tx, eventId);
  }

  /** Delivered at COMMIT, in commit order; a rolled-back transaction's notifications are dropped. */
  async notify(tx: Tx, channel: string, payload: string): Promise<void> {
    await (tx as PgTx).$client.query('select pg_notify($1, $2)', [channel, payload]);
  }

  /**
   * Dead tuples keep an erased row's bytes until a vacuum makes their space reusable; what else
   * PostgreSQL keeps (WAL, backups) is the operator's to configure (docs/privacy.md).
   */
  makeErasurePhysical(tables: string[]): Promise<void> {
    return this.vacuum(tables);
  }

  /**
   * Reclaims the dead tuples an erasure leaves behind. VACUUM refuses to run inside a transaction, so
   * it goes to a pool connection of its own; only the schema's tables are accepted, never other SQL.
   */
  async vacuum(tableNames: string[]): Promise<void> {
    const unknown = tableNames.filter((name) => !TABLE_NAMES.has(name));
    if (unknown.length > 0) throw new Error(`Not a table of the schema: ${unknown.join(', ')}`);
    // VACUUM without a table would vacuum the whole database.
    if (tableNames.length === 0) return;
    await this.reader.$client.query(
      `VACUUM ${tableNames.map((name) => pg.escapeIdentifier(name)).join(', ')}`,
    );
  }

  /** For the readiness probe: false while the server cannot be reached or does not answer in time. */
  async ready(): Promise<boolean> {
    try {
      await this.probe.query('select 1');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.reader.$client.end(), this.probe.end()]);
  }

  private handleOn(client: pg.PoolClient): PgTx {
    let handle = this.handles.get(client);
    if (!handle) {
      handle = drizzle({ client, schema, casing: 'snake_case' }) as unknown as PgTx;
      markOneDatabase([handle], this.database);
      this.handles.set(client, handle);
    }
    return handle;
  }
}
