import fp from 'fastify-plugin';
import { endRoundIfDue } from '../commands/rounds.js';
import { liveRoundEnd, liveRoundEnds } from '../repositories/rounds.js';

// setTimeout overflows past 2^31-1 ms; a longer wait is re-armed when it fires.
const MAX_DELAY = 2_147_483_647;

/** Ends each live round at its end time; rebuilt from the database at start, so a restart keeps it. */
export default fp(
  async (app) => {
    const timers = new Map<string, NodeJS.Timeout>();

    const arm = (eventId: string, endsAt: number) => {
      clearTimeout(timers.get(eventId));
      const delay = Math.min(Math.max(endsAt - app.now(), 0), MAX_DELAY);
      const timer = setTimeout(() => void fire(eventId), delay);
      timer.unref();
      timers.set(eventId, timer);
    };

    const fire = async (eventId: string) => {
      timers.delete(eventId);
      try {
        if (!(await endRoundIfDue(app, eventId))) await rearm(eventId);
      } catch (err) {
        app.log.error({ err, eventId }, 'round timer failed');
      }
    };

    /** event → the latest look-up asked for: an older one that answers later must not win */
    const asked = new Map<string, number>();
    let asks = 0;

    const rearm = async (eventId: string) => {
      const ask = ++asks;
      asked.set(eventId, ask);
      // Runs on every change (every join): one indexed look-up for this event, not all live rounds.
      const endsAt = await liveRoundEnd(app.db, eventId);
      if (asked.get(eventId) !== ask) return;
      asked.delete(eventId);
      if (endsAt !== undefined) arm(eventId, endsAt);
      else {
        clearTimeout(timers.get(eventId));
        timers.delete(eventId);
      }
    };
    const rearmReporting = (eventId: string) =>
      rearm(eventId).catch((err) => app.log.error({ err, eventId }, 'round timer failed'));

    app.changes.on('changed', (eventId, source) => {
      if (source === 'event') void rearmReporting(eventId);
    });
    app.changes.on('erased', (eventId) => {
      // A look-up still under way finds the event gone, or is overruled here.
      asked.delete(eventId);
      clearTimeout(timers.get(eventId));
      timers.delete(eventId);
    });
    app.addHook('onReady', async () => {
      for (const { eventId, endsAt } of await liveRoundEnds(app.db)) arm(eventId, endsAt);
    });
    app.addHook('onClose', async () => {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    });
  },
  { name: 'round-timer', dependencies: ['db', 'changes'] },
);
