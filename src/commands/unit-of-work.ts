import type { Db, Store } from '../db/handle.js';
import type { EventState } from '../domain/event-state.js';
import { conflict } from '../errors.js';
import type { ForwardPlanner } from '../planner/forward-planner.js';
import { type Announcement, type Changes, RELAY_CHANNEL } from '../plugins/changes.js';
import type { Tx } from '../repositories/db-types.js';
import { keepCommitted, stateForCommand } from '../repositories/event-state.js';
import { findEventById, logAction, raiseVersion } from '../repositories/events.js';

/**
 * What every command needs: the database (its reads, and its transactions), the clock, where changes
 * are announced, the planner.
 */
export interface CommandContext {
  db: Db;
  store: Store;
  now: () => number;
  changes: Changes;
  planner: ForwardPlanner;
}

export interface Outcome<R> {
  result: R;
  details?: Record<string, unknown>;
  unchanged?: boolean;
  /**
   * The state this change leaves, but for the event row (its version is raised here), when the
   * change can say it exactly: kept as the committed state, so the push need not read it again.
   */
  after?: EventState;
}

export type Change<R> = (tx: Tx, state: EventState) => Outcome<R> | Promise<Outcome<R>>;

/**
 * Tells the other replicas of a change from inside the transaction that makes it: they hear it with
 * its commit, never without it, even when this process dies the moment after. This process is told
 * after the commit (`ctx.changes.announce`), so no client of its own sees what is not committed.
 */
export async function tellReplicas(
  ctx: Pick<CommandContext, 'store' | 'changes'>,
  tx: Tx,
  a: Announcement,
): Promise<void> {
  await ctx.store.notify(tx, RELAY_CHANNEL, JSON.stringify({ from: ctx.changes.replicaId, ...a }));
}

/**
 * One unit of work on one event: read its state, apply the change, raise the version, log the
 * moderator's action (when it has details), tell the other replicas with the commit — and announce
 * it here only after it, so no client ever sees what is not committed. A change that finds nothing to do says `unchanged` and writes nothing.
 * Every read and write is awaited: a store across the network answers later, and on SQLite the
 * transaction holds the one writing connection across the waits.
 */
export async function commit<R>(
  ctx: CommandContext,
  eventId: string,
  action: string,
  change: Change<R>,
): Promise<R> {
  const now = ctx.now();
  const changed = { kind: 'changed', eventId, source: 'event' } as const;
  const { result, unchanged, after } = await ctx.store.transaction(async (tx) => {
    await ctx.store.lockEvent(tx, eventId);
    const state = await stateForCommand(tx, eventId);
    if (!state) throw conflict('event_gone', 'The event no longer exists.');
    const { result, details, unchanged, after } = await change(tx, state);
    if (unchanged) return { result, unchanged };
    await raiseVersion(tx, eventId, now);
    if (details) await logAction(tx, eventId, now, action, details);
    await tellReplicas(ctx, tx, changed);
    return {
      result,
      unchanged: false,
      after: after && { ...after, event: (await findEventById(tx, eventId))! },
    };
  });
  if (after) keepCommitted(ctx.db, after);
  if (!unchanged) ctx.changes.announce(changed);
  return result;
}
