import { is, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { PgDatabase } from 'drizzle-orm/pg-core';
import type * as schema from './postgres-schema/index.js';

/**
 * The service's database handle, whichever store runs it. Queries are typed against PostgreSQL's
 * builders: SQLite's take the same calls and return the same rows (the two schemas' row types are
 * kept equal by a test), so one repository body serves both. The tables a query names must be the
 * handle's own dialect's: take them from `tablesOf`.
 */
export type Db = NodePgDatabase<typeof schema>;

declare const inTransaction: unique symbol;
/** A handle while one of the store's transactions holds its connection. */
export type Tx = Db & { readonly [inTransaction]: true };

export type Tables = typeof schema;

/** The tables of the handle's own dialect (the schema it was opened with). */
export function tablesOf(db: Db): Tables {
  return db._.fullSchema;
}

export function isPostgres(db: Db): boolean {
  return is(db, PgDatabase);
}

/**
 * A text column in binary order, as SQLite compares text and as the rules sort ids: a PostgreSQL
 * database's collation may be a locale's, which orders case and punctuation otherwise.
 */
export function inBinaryOrder(db: Db, column: SQLWrapper): SQL | SQLWrapper {
  return isPostgres(db) ? sql`${column} collate "C"` : column;
}

/**
 * One database as the commands use it: transactions that may wait in between, reads outside them
 * on `reader` that see only what is committed. SQLite and PostgreSQL each have one.
 */
export interface Store {
  /** Reads outside transactions. */
  readonly reader: Db;
  /** Runs `work` in a transaction of its own: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Tx) => Promise<T> | T): Promise<T>;
  /**
   * Makes the transactions on one event queue from here to their end: first thing in every
   * transaction that changes an event, in the order of the event ids when it changes several.
   */
  lockEvent(tx: Tx, eventId: string): Promise<void>;
  /**
   * Sends `payload` on `channel` to every replica of the database with the commit of `tx`, and not at
   * all when it rolls back. A single process (SQLite) has nobody else to tell.
   */
  notify(tx: Tx, channel: string, payload: string): Promise<void>;
  /**
   * Makes an erasure just committed physical as far as the store can, before anyone is told it is
   * done: `tables` are those it deleted rows from.
   */
  makeErasurePhysical(tables: string[]): Promise<void>;
  /**
   * Runs a background job (the retention sweep) unless another replica of the database runs it now;
   * undefined when it did not run.
   */
  onlyOne<T>(job: string, work: () => Promise<T>): Promise<T | undefined>;
  /** For the readiness probe: false while the database cannot be reached. */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

const DATABASE = Symbol('database');

/** Marks handles on connections to one database, so what they keep for readers is shared. */
export function markOneDatabase(handles: Iterable<object>, identity: object = {}): void {
  for (const handle of handles) Object.defineProperty(handle, DATABASE, { value: identity });
}

/**
 * What the handles of one database share whichever connection they run on (the committed states
 * kept for readers): a handle not marked is a database of its own.
 */
export function databaseOf(db: Db): object {
  return (db as unknown as { [DATABASE]?: object })[DATABASE] ?? db;
}
