import { databaseOf } from '../db/store.js';
import type { DbLike } from './db-types.js';

/**
 * The latest read of each key, kept while its stamp (the event's version) still holds; the least
 * recently asked goes first. Shared: never change what it returns.
 */
export class KeptReads<T> {
  private readonly kept = new Map<string, { stamp: string; value: T }>();

  constructor(private readonly limit: number) {}

  /** `stamp` undefined: the key is gone, nothing is kept for it. */
  read(key: string, stamp: string | undefined, load: () => T | undefined): T | undefined {
    const cached = this.kept.get(key);
    this.kept.delete(key);
    if (stamp === undefined) return undefined;
    const value = cached?.stamp === stamp ? cached.value : load();
    if (value === undefined) return undefined;
    this.keep(key, stamp, value);
    return value;
  }

  /** Keeps what a writer knows the key holds at this stamp, so the next reader need not read it. */
  keep(key: string, stamp: string, value: T): void {
    this.kept.delete(key);
    this.kept.set(key, { stamp, value });
    if (this.kept.size > this.limit) this.kept.delete(this.kept.keys().next().value!);
  }
}

/**
 * One KeptReads per database, shared by its connections: the version names a committed state on
 * whichever connection it was read, so what a command keeps after its commit is what the readers find.
 */
export function keptPerDatabase<T>(limit: number): (db: DbLike) => KeptReads<T> {
  const byDatabase = new WeakMap<object, KeptReads<T>>();
  return (db) => {
    const database = databaseOf(db);
    let reads = byDatabase.get(database);
    if (!reads) {
      reads = new KeptReads<T>(limit);
      byDatabase.set(database, reads);
    }
    return reads;
  };
}
