import { findEventById, raiseVersion } from '../repositories/events.js';
import { type PlanValues, upsertPlan } from '../repositories/plans.js';
import { type CommandContext, tellReplicas } from './unit-of-work.js';

/** A stored plan asks for no re-plan: the replica that planned it is the one that plans the event. */
export const planned = (eventId: string) => ({ kind: 'changed', eventId, source: 'plan' }) as const;

/**
 * Stores a plan the planner made, whether or not the room still has its basis (a stale plan is never
 * committed, but it is the best warm start for the next one). The version is raised so the console
 * shows the new plan. False when the event was erased meanwhile.
 */
export async function storePlan(
  ctx: Pick<CommandContext, 'store' | 'now' | 'changes'>,
  eventId: string,
  plan: PlanValues,
): Promise<boolean> {
  return ctx.store.transaction(async (tx) => {
    await ctx.store.lockEvent(tx, eventId);
    if (!(await findEventById(tx, eventId))) return false;
    await upsertPlan(tx, eventId, plan);
    await raiseVersion(tx, eventId, ctx.now());
    await tellReplicas(ctx, tx, planned(eventId));
    return true;
  });
}
