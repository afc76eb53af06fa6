import fp from 'fastify-plugin';
import { type Db, openDatabase } from '../db/open.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
  }
}

export default fp<{ path: string }>(
  async (app, { path }) => {
    const db = openDatabase(path);
    app.decorate('db', db);
    app.addHook('onClose', async () => {
      // Fold the WAL back so the file alone is the whole state.
      db.$client.pragma('wal_checkpoint(TRUNCATE)');
      db.$client.close();
    });
  },
  { name: 'db' },
);
