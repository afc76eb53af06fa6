import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { type PlanRow, plans, type StoredPlanRound } from '../db/schema/index.js';
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
export function upsertPlan(db: DbLike, eventId: string, values: PlanValues): PlanRow {
  const { played: _, ...row } = db
    .insert(plans)
    .values({ eventId, ...values, played: 0 })
    .onConflictDoUpdate({ target: plans.eventId, set: { ...values, played: 0 } })
    .returning()
    .get();
  return row;
}

/** What a start changes of the stored plan besides its first round, which it started. */
export type AdvancedPlan = Pick<PlanValues, 'basisKey' | 'metrics' | 'steps' | 'computedAt'>;

/**
 * The plan's first round has started: it is counted as played, and the rounds after it stay where
 * they are in the row, not written again.
 */
export function advancePlan(db: DbLike, eventId: string, values: AdvancedPlan): void {
  db.update(plans)
    .set({ ...values, played: sql`${plans.played} + 1` })
    .where(eq(plans.eventId, eventId))
    .run();
}

/** The event's stored plan, its started rounds left out. */
export function readPlan(db: DbLike, eventId: string): PlanRow | null {
  const row = db.select().from(plans).where(eq(plans.eventId, eventId)).get();
  if (!row) return null;
  const { played, ...plan } = row;
  return { ...plan, rounds: plan.rounds.slice(played) };
}

export function deletePlan(db: DbLike, eventId: string): void {
  db.delete(plans).where(eq(plans.eventId, eventId)).run();
}

export type { Db };
