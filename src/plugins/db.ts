import fp from 'fastify-plugin';
import { startCheckpointer } from '../db/checkpointer.js';
import { type Db, openDatabase } from '../db/open.js';
import { dataId, tokenKey } from '../repositories/instance.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
  }
}

export default fp<{ path: string }>(
  async (app, { path }) => {
    const db = openDatabase(path);
    // Made at start, so that later reads (a socket's hello) never write.
    dataId(db);
    tokenKey(db);
    app.decorate('db', db);
    const checkpoints = path === ':memory:' ? null : startCheckpointer(path);
    app.addHook('onClose', async () => {
      await checkpoints?.stop();
      // Fold the WAL back so the file alone is the whole state.
      db.$client.pragma('wal_checkpoint(TRUNCATE)');
      db.$client.close();
    });
  },
  { name: 'db' },
);
