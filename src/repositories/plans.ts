import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/handle.js';
import { tablesOf } from '../db/handle.js';
import type { PlanRow, StoredPlanRound } from '../db/schema/index.js';
import type { Metrics, PlanStep } from '../matching/types.js';
import type { DbLike } from './db-types.js';

export interface PlanValues {
  basisKey: string;
  rounds: StoredPlanRound[];
  metrics: Metrics;
  eveningMetrics: Metrics;
  steps: PlanStep[] | null;
  computedAt: Date;
}

/** A plan stored whole, none of its rounds started; the row as a read would give it. */
export async function upsertPlan(db: DbLike, eventId: string, values: PlanValues): Promise<PlanRow> {
  const { plans } = tablesOf(db);
  const [stored] = await db
    .insert(plans)
    .values({ eventId, ...values, played: 0 })
    .onConflictDoUpdate({ target: plans.eventId, set: { ...values, played: 0 } })
    .returning();
  const { played: _, ...row } = stored!;
  return row;
}

/** What a start changes of the stored plan besides its first round, which it started. */
export type AdvancedPlan = Pick<PlanValues, 'basisKey' | 'metrics' | 'steps' | 'computedAt'>;

/**
 * The plan's first round has started: it is counted as played, and the rounds after it stay where
 * they are in the row, not written again.
 */
export async function advancePlan(db: DbLike, eventId: string, values: AdvancedPlan): Promise<void> {
  const { plans } = tablesOf(db);
  await db
    .update(plans)
    .set({ ...values, played: sql`${plans.played} + 1` })
    .where(eq(plans.eventId, eventId));
}

/** The event's stored plan, its started rounds left out. */
export async function readPlan(db: DbLike, eventId: string): Promise<PlanRow | null> {
  const { plans } = tablesOf(db);
  const [row] = await db.select().from(plans).where(eq(plans.eventId, eventId));
  if (!row) return null;
  const { played, ...plan } = row;
  return { ...plan, rounds: plan.rounds.slice(played) };
}

export async function deletePlan(db: DbLike, eventId: string): Promise<void> {
  const { plans } = tablesOf(db);
  await db.delete(plans).where(eq(plans.eventId, eventId));
}

export type { Db };
