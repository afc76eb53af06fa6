import fp from 'fastify-plugin';
import type { PlannedRound } from '../domain/round-rules.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The last preview per event: a start on the same event version commits it without planning again. */
    previews: Map<string, PlannedRound>;
  }
}

export default fp(
  async (app) => {
    const previews = new Map<string, PlannedRound>();
    app.decorate('previews', previews);
    app.changes.on('erased', (eventId) => previews.delete(eventId));
  },
  { name: 'previews', dependencies: ['changes'] },
);
