import { Mutex } from 'async-mutex';
import Database from 'better-sqlite3';
import { type Db, handleOn, openDatabase } from './open.js';

declare const inTransaction: unique symbol;
/** The writing connection while one of the store's transactions holds it. */
export type Tx = Db & { readonly [inTransaction]: true };

const DATABASE = Symbol('database');

/**
 * What the handles of one database share whichever connection they run on (the committed states
 * kept for readers): a handle opened on its own is a database of its own.
 */
export function databaseOf(db: Db): object {
  return (db as unknown as { [DATABASE]?: object })[DATABASE] ?? db;
}

/**
 * One SQLite file as the service uses it: transactions that may wait in between (as every store
 * across a network does) on a connection of their own, one at a time, and reads on a second,
 * read-only connection. A read sees only what is committed, even while a transaction is half done,
 * so no push, page or check ever shows a change that may still roll back. An in-memory database has
 * one connection for both (a second would be another database): only tests use it, and there a read
 * during a transaction's wait would see its rows.
 */
export class SqliteStore {
  /** Reads outside transactions. */
  readonly reader: Db;
  /** Writes, inside `transaction`; at start, the few rows made before anyone reads. */
  readonly writer: Db;
  private readonly turns = new Mutex();

  constructor(path: string) {
    this.writer = openDatabase(path);
    this.reader = path === ':memory:' ? this.writer : openReader(path);
    const identity = {};
    for (const handle of new Set([this.reader, this.writer]))
      Object.defineProperty(handle, DATABASE, { value: identity });
  }

  /**
   * Runs `work` in a transaction of its own: begun before anything is read (IMMEDIATE, so no other
   * writer can slip in between its read and its write), committed when `work` resolves, rolled back
   * when it throws. Transactions queue for the connection in the order they were asked for.
   */
  transaction<T>(work: (tx: Tx) => T | Promise<T>): Promise<T> {
    return this.turns.runExclusive(async () => {
      const sqlite = this.writer.$client;
      sqlite.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.writer as Tx);
        sqlite.exec('COMMIT');
        return result;
      } catch (error) {
        // A failed COMMIT (a full disk) leaves SQLite to have rolled back already.
        if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
        throw error;
      }
    });
  }

  /** Runs `work` on the writing connection between transactions (a checkpoint must not run inside one). */
  exclusive<T>(work: (writer: Db) => T): Promise<T> {
    return this.turns.runExclusive(() => work(this.writer));
  }

  /** Part of an open transaction that rolls back alone when `work` throws; the rest goes on. */
  async savepoint<T>(tx: Tx, work: (sp: Tx) => T | Promise<T>): Promise<T> {
    // One name serves any depth: SQLite releases and rolls back to the innermost of that name.
    tx.$client.exec('SAVEPOINT part');
    try {
      const result = await work(tx);
      tx.$client.exec('RELEASE part');
      return result;
    } catch (error) {
      tx.$client.exec('ROLLBACK TO part');
      tx.$client.exec('RELEASE part');
      throw error;
    }
  }

  /** Folds the WAL back into the file, so the file alone is the whole state, and closes both. */
  close(): void {
    this.writer.$client.pragma('wal_checkpoint(TRUNCATE)');
    if (this.reader !== this.writer) this.reader.$client.close();
    this.writer.$client.close();
  }
}

function openReader(path: string): Db {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  return handleOn(sqlite);
}
