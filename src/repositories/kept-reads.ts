import { databaseOf } from '../db/handle.js';
import type { DbLike } from './db-types.js';

/**
 * The latest read of each key, kept while its stamp (the event's version) still holds; the least
 * recently asked goes first. Readers that ask for the same stamp while it is being read share the
 * one read (a wave of hellos after a restart). Shared: never change what it returns.
 */
export class KeptReads<T> {
  private readonly kept = new Map<string, { stamp: string; value: T }>();
  private readonly loading = new Map<string, { stamp: string; value: Promise<T | undefined> }>();

  /** `stampOf`: the stamp a loaded value holds at, which may be newer than the one asked for. */
  constructor(
    private readonly limit: number,
    private readonly stampOf: (value: T) => string,
  ) {}

  /** `stamp` undefined: the key is gone, nothing is kept for it. */
  async read(
    key: string,
    stamp: string | undefined,
    load: () => Promise<T | undefined>,
  ): Promise<T | undefined> {
    const cached = this.kept.get(key);
    this.kept.delete(key);
    if (stamp === undefined) return undefined;
    if (cached?.stamp === stamp) {
      this.kept.set(key, cached);
      return cached.value;
    }
    const pending = this.loading.get(key);
    if (pending?.stamp === stamp) return pending.value;
    const value = load();
    this.loading.set(key, { stamp, value });
    try {
      const loaded = await value;
      // A value of a later stamp is right for its reader, but the kept one answers for `stamp` only.
      if (loaded !== undefined && this.stampOf(loaded) === stamp) this.keep(key, stamp, loaded);
      return loaded;
    } finally {
      if (this.loading.get(key)?.value === value) this.loading.delete(key);
    }
  }

  /** What is kept for the key at this stamp, if anything; reads nothing. */
  peek(key: string, stamp: string): T | undefined {
    const cached = this.kept.get(key);
    return cached?.stamp === stamp ? cached.value : undefined;
  }

  /**
   * What is kept for the key at this stamp, handed over: nothing is kept for the key after, so a
   * value its taker changes (and may abandon half-changed) is never seen by anyone else.
   */
  take(key: string, stamp: string): T | undefined {
    const value = this.peek(key, stamp);
    this.forget(key);
    return value;
  }

  forget(key: string): void {
    this.kept.delete(key);
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
export function keptPerDatabase<T>(
  limit: number,
  stampOf: (value: T) => string,
): (db: DbLike) => KeptReads<T> {
  const byDatabase = new WeakMap<object, KeptReads<T>>();
  return (db) => {
    const database = databaseOf(db);
    let reads = byDatabase.get(database);
    if (!reads) {
      reads = new KeptReads<T>(limit, stampOf);
      byDatabase.set(database, reads);
    }
    return reads;
  };
}
