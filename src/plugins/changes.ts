import { EventEmitter } from 'node:events';
import fp from 'fastify-plugin';
import { z } from 'zod';
import { newId } from '../security/tokens.js';

/**
 * `plan`: only the forward plan was stored, which asks for no re-plan. `join`: people joined, which
 * moves no round end and may reach the sockets a moment later (a wave of joins is one push).
 */
export type ChangeSource = 'event' | 'plan' | 'join';

/** What one change tells the hub, the round timer and the planner, here and on the other replicas. */
export const announcement = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('changed'), eventId: z.string(), source: z.enum(['event', 'plan', 'join']) }),
  z.object({ kind: z.enum(['erased', 'screenRevoked']), eventId: z.string() }),
]);
export type Announcement = z.infer<typeof announcement>;

/** The PostgreSQL channel the replicas of one database announce their changes on. */
export const RELAY_CHANNEL = 'tischwechsel_changes';

/** Tells the realtime hub, the round timer and the planner that an event's committed state changed. */
export class Changes extends EventEmitter<{
  /** `relayed`: made by another replica (on the same database), announced here for its sockets. */
  changed: [eventId: string, source: ChangeSource, relayed: boolean];
  erased: [eventId: string];
  screenRevoked: [eventId: string];
}> {
  /** This process among the replicas of one database: it does not act twice on what it said itself. */
  readonly replicaId = newId();

  /** `relayed`: heard from another replica. */
  announce(a: Announcement, relayed = false): void {
    if (a.kind === 'changed') this.changed(a.eventId, a.source, relayed);
    else if (a.kind === 'erased') this.erased(a.eventId);
    else this.screenRevoked(a.eventId);
  }

  changed(eventId: string, source: ChangeSource = 'event', relayed = false): void {
    this.emit('changed', eventId, source, relayed);
  }
  erased(eventId: string): void {
    this.emit('erased', eventId);
  }
  /** The screen secret was renewed: screens that said hello with the old one must go. */
  screenRevoked(eventId: string): void {
    this.emit('screenRevoked', eventId);
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    changes: Changes;
    /** The clock every rule reads; tests inject their own. */
    now: () => number;
  }
}

export default fp<{ now: () => number }>(
  async (app, { now }) => {
    const changes = new Changes();
    changes.setMaxListeners(0);
    app.decorate('changes', changes);
    app.decorate('now', now);
  },
  { name: 'changes' },
);
