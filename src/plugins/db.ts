import fp from 'fastify-plugin';
import { startCheckpointer } from '../db/checkpointer.js';
import type { Db } from '../db/open.js';
import { SqliteStore } from '../db/store.js';
import { dataId, tokenKey } from '../repositories/instance.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Reads outside transactions: what is committed, never a transaction's half-done rows. */
    db: Db;
    /** Transactions (the commands'), one at a time. */
    store: SqliteStore;
    /**
     * Read once at start and fixed for the server's life: only an offline restore renews it, and
     * clients compare it with what they saw before to drop versions from another life of the data.
     */
    dataId: string;
    /** Derives repeatable join tokens; never leaves the server. */
    tokenKey: string;
  }
}

export default fp<{ path: string }>(
  async (app, { path }) => {
    const store = new SqliteStore(path);
    // Made at start, so that later reads (a socket's hello) never write.
    app.decorate('dataId', await dataId(store.writer));
    app.decorate('tokenKey', await tokenKey(store.writer));
    app.decorate('db', store.reader);
    app.decorate('store', store);
    const checkpoints = path === ':memory:' ? null : startCheckpointer(path);
    app.addHook('onClose', async () => {
      await checkpoints?.stop();
      store.close();
    });
  },
  { name: 'db' },
);
