import { eq } from 'drizzle-orm';
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

/** The stored plan's row as a read would give it. */
export function upsertPlan(db: DbLike, eventId: string, values: PlanValues): PlanRow {
  return db
    .insert(plans)
    .values({ eventId, ...values })
    .onConflictDoUpdate({ target: plans.eventId, set: values })
    .returning()
    .get();
}

export function deletePlan(db: DbLike, eventId: string): void {
  db.delete(plans).where(eq(plans.eventId, eventId)).run();
}

export type { Db };
