import { integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import type { Metrics, PlanStep } from '../../matching/types.js';
import type { StoredPlanRound } from '../schema/plans.js';
import { moment } from './columns.js';
import { events } from './events.js';

export const plans = pgTable('plans', {
  eventId: text()
    .primaryKey()
    .references(() => events.id, { onDelete: 'cascade' }),
  basisKey: text().notNull(),
  rounds: jsonb().$type<StoredPlanRound[]>().notNull(),
  played: integer().notNull().default(0),
  metrics: jsonb().$type<Metrics>().notNull(),
  eveningMetrics: jsonb().$type<Metrics>().notNull(),
  steps: jsonb().$type<PlanStep[]>(),
  computedAt: moment().notNull(),
});
