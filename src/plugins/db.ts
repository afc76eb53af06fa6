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
  }
}

export default fp<{ path: string }>(
  async (app, { path }) => {
    const store = new SqliteStore(path);
    // Made at start, so that later reads (a socket's hello) never write.
    dataId(store.writer);
    tokenKey(store.writer);
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
