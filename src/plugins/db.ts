import fp from 'fastify-plugin';
import { type Checkpointer, startCheckpointer } from '../db/checkpointer.js';
import type { Db, Store } from '../db/handle.js';
import { SqliteStore } from '../db/store.js';
import { dataId, tokenKey } from '../repositories/instance.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Reads outside transactions: what is committed, never a transaction's half-done rows. */
    db: Db;
    /** Transactions (the commands'). */
    store: Store;
    /**
     * Read once at start and fixed for the server's life: only an offline restore renews it, and
     * clients compare it with what they saw before to drop versions from another life of the data.
     */
    dataId: string;
    /** Derives repeatable join tokens; never leaves the server. */
    tokenKey: string;
  }
}

/**
 * Says which setting a failed start came from, never the URL itself (it may hold a password). The
 * PostgreSQL client is loaded only here: on SQLite its start-up (30 ms here) would be spent for nothing.
 */
async function openPostgres(url: string): Promise<Store> {
  try {
    const { PostgresStore } = await import('../db/postgres-store.js');
    return await PostgresStore.open(url);
  } catch (error) {
    throw new Error(`Cannot open the PostgreSQL database of DATABASE_URL: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** `url`: a PostgreSQL database several replicas may share; else the SQLite file at `path`. */
export default fp<{ path: string; url?: string | undefined }>(
  async (app, { path, url }) => {
    const store: Store = url ? await openPostgres(url) : new SqliteStore(path);
    // Made at start, so that later reads (a socket's hello) never write.
    app.decorate('dataId', await store.transaction((tx) => dataId(tx)));
    app.decorate('tokenKey', await store.transaction((tx) => tokenKey(tx)));
    app.decorate('db', store.reader);
    app.decorate('store', store);
    // The checkpoint thread starts once the server listens, so its start does not slow the server's;
    // until then (and under inject, where it never starts) the backstop bounds the WAL.
    let checkpoints: Checkpointer | null = null;
    if (!url && path !== ':memory:') {
      app.addHook('onListen', async () => {
        checkpoints ??= startCheckpointer(path);
      });
    }
    app.addHook('onClose', async () => {
      await checkpoints?.stop();
      await store.close();
    });
  },
  { name: 'db' },
);
