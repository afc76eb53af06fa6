import { Mutex } from 'async-mutex';
import Database from 'better-sqlite3';
import { type Db, markOneDatabase, type Store, type Tx } from './handle.js';
import { handleOn, openDatabase, type SqliteDb } from './open.js';
import { truncateWal } from './wal.js';

/** The service's handle on a SQLite connection: the same calls, the same rows (see `Db`). */
export const asServiceHandle = (db: SqliteDb): Db => db as unknown as Db;

/**
 * One SQLite file as the service uses it: transactions that may wait in between (as every store
 * across a network does) on a connection of their own, one at a time, and reads on a second,
 * read-only connection. A read sees only what is committed, even while a transaction is half done,
 * so no push, page or check ever shows a change that may still roll back. An in-memory database has
 * one connection for both (a second would be another database): only tests use it, and there a read
 * during a transaction's wait would see its rows.
 */
export class SqliteStore implements Store {
  readonly reader: Db;
  /** Writes, inside `transaction`; at start, the few rows made before anyone reads. */
  readonly writer: SqliteDb;
  /** The reading connection itself, for the checks that look into the file. */
  readonly readerConnection: SqliteDb;
  private readonly turns = new Mutex();

  constructor(path: string) {
    this.writer = openDatabase(path);
    this.readerConnection = path === ':memory:' ? this.writer : openReader(path);
    this.reader = asServiceHandle(this.readerConnection);
    markOneDatabase(new Set([this.readerConnection, this.writer]));
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
        const result = await work(this.writer as unknown as Tx);
        sqlite.exec('COMMIT');
        return result;
      } catch (error) {
        // A failed COMMIT (a full disk) leaves SQLite to have rolled back already.
        if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
        throw error;
      }
    });
  }

  /** The one writing connection already makes every transaction wait for the one before. */
  async lockEvent(): Promise<void> {}

  /** One process per file: nobody else to tell. */
  async notify(): Promise<void> {}

  /** One process per file: nobody else runs it. */
  onlyOne<T>(_job: string, work: () => Promise<T>): Promise<T | undefined> {
    return work();
  }

  /** Runs `work` on the writing connection between transactions (a checkpoint must not run inside one). */
  exclusive<T>(work: (writer: SqliteDb) => T): Promise<T> {
    return this.turns.runExclusive(() => work(this.writer));
  }

  /**
   * secure_delete zeroes the erased cells, but only in the pages the transaction wrote to the WAL: the
   * main file keeps the old pages until a checkpoint, and the WAL keeps every older copy of the row. A
   * TRUNCATE checkpoint writes the zeroed pages into the main file and empties the WAL, so neither
   * holds the bytes, even after a kill -9.
   */
  makeErasurePhysical(): Promise<void> {
    return this.exclusive((writer) => truncateWal(writer.$client));
  }

  async ready(): Promise<boolean> {
    try {
      this.readerConnection.$client.prepare('select 1').get();
      return true;
    } catch {
      return false;
    }
  }

  /** Folds the WAL back into the file, so the file alone is the whole state, and closes both. */
  async close(): Promise<void> {
    this.writer.$client.pragma('wal_checkpoint(TRUNCATE)');
    if (this.readerConnection !== this.writer) this.readerConnection.$client.close();
    this.writer.$client.close();
  }
}

function openReader(path: string): SqliteDb {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  return handleOn(sqlite);
}
