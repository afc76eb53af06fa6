import fp from 'fastify-plugin';
import { eraseEvent } from '../commands/events.js';
import { expiredEventIds } from '../repositories/events.js';

const DAY = 86_400_000;
const SWEEP_EVERY = 3_600_000;

/** Erases every event RETENTION_DAYS after it finished (or was last touched); runs at start and hourly. */
export default fp<{ retentionDays: number }>(
  async (app, { retentionDays }) => {
    // Replicas of one database sweep it one at a time: the others skip the hour (0 erased).
    const sweep = async () => (await app.store.onlyOne('retention', sweepNow)) ?? 0;
    const sweepNow = async () => {
      const expired = await expiredEventIds(app.db, app.now() - retentionDays * DAY);
      for (const eventId of expired) {
        await eraseEvent(app, eventId);
      }
      if (expired.length > 0) app.log.info({ erased: expired.length }, 'retention: erased expired events');
      return expired.length;
    };
    app.decorate('sweepRetention', sweep);
    let timer: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      await sweep();
      // A sweep that fails (the disk, a busy checkpoint) is tried again at the next hour.
      timer = setInterval(() => {
        sweep().catch((err) => app.log.error({ err }, 'retention sweep failed'));
      }, SWEEP_EVERY);
      timer.unref();
    });
    app.addHook('onClose', async () => clearInterval(timer));
  },
  { name: 'retention', dependencies: ['db', 'changes'] },
);

declare module 'fastify' {
  interface FastifyInstance {
    sweepRetention: () => Promise<number>;
  }
}
