import fp from 'fastify-plugin';
import type { ReplicaRelay } from '../realtime/replica-relay.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Carries changes between the replicas of one PostgreSQL database; null on SQLite (one process). */
    relay: ReplicaRelay | null;
  }
}

/**
 * Replicas behind one address share the PostgreSQL database: what one commits, the others push to
 * their own sockets and time (round ends), as if it had been committed there.
 */
export default fp(
  async (app) => {
    const url = app.config.DATABASE_URL;
    if (!url) {
      app.decorate('relay', null);
      return;
    }
    // Loaded only with a PostgreSQL database, as the store is (see the db plugin).
    const { ReplicaRelay } = await import('../realtime/replica-relay.js');
    const relay = new ReplicaRelay({
      url,
      changes: app.changes,
      onResync: () => app.hub.resyncAll(),
      onError: (err) => app.log.warn({ err }, 'replica relay: connection lost, reconnecting'),
    });
    await relay.start();
    app.decorate('relay', relay);
    app.addHook('onClose', () => relay.stop());
  },
  { name: 'replicas', dependencies: ['changes', 'realtime'] },
);
