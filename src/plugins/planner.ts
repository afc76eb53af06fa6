import fp from 'fastify-plugin';
import { ForwardPlanner, planBoxes } from '../planner/forward-planner.js';
import { createPlannerPool, defaultPlannerThreads } from '../planner/pool.js';

declare module 'fastify' {
  interface FastifyInstance {
    planner: ForwardPlanner;
  }
}

/** The planner threads and the forward plan of every event: every change asks for a re-plan. */
export default fp<{ threads?: number }>(
  async (app, options) => {
    const threads = options.threads ?? defaultPlannerThreads();
    const pool = createPlannerPool(threads);
    const planner = new ForwardPlanner({
      db: app.db,
      store: app.store,
      now: app.now,
      pool,
      threads,
      boxes: planBoxes(app.config.PLAN_EFFORT_MS, app.config.PLAN_TIME_LIMIT_MS),
      changes: app.changes,
      onError: (err, eventId) => app.log.error({ err, eventId }, 'planning failed'),
    });
    app.decorate('planner', planner);
    // A change another replica made is planned there: planning it here too would only double the work.
    app.changes.on('changed', (eventId, source, relayed) => {
      if (source !== 'plan' && !relayed) planner.request(eventId);
    });
    app.changes.on('erased', (eventId) => planner.forget(eventId));
    app.addHook('onClose', async () => {
      await planner.close();
      await pool.close();
    });
  },
  { name: 'planner', dependencies: ['db', 'changes'] },
);
