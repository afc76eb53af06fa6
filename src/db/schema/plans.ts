import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { Metrics, PlanStep } from '../../matching/types.js';
import { events } from './events.js';

/** One planned round: participant ids per table id, in the event's table order. */
export type StoredPlanRound = { tableId: number; people: string[] }[];

/**
 * The event's forward plan: every remaining round, with the basis it was computed on (who was
 * present, the tables, the rounds played, the options). A round start commits its first round
 * while the basis still holds; any change of the basis re-plans from it.
 */
export const plans = sqliteTable('plans', {
  eventId: text()
    .primaryKey()
    .references(() => events.id, { onDelete: 'cascade' }),
  basisKey: text().notNull(),
  /** The rounds after those played (and after the live one), from `played` on. */
  rounds: text({ mode: 'json' }).$type<StoredPlanRound[]>().notNull(),
  /**
   * How many of `rounds` have started since the plan was stored: a start counts one up instead of
   * writing the rest of the plan again (a megabyte at 5,000 people).
   */
  played: integer().notNull().default(0),
  /** Quality of the planned rounds, given the rounds before them. */
  metrics: text({ mode: 'json' }).$type<Metrics>().notNull(),
  /** Quality of the whole evening: the rounds played and the planned ones. */
  eveningMetrics: text({ mode: 'json' }).$type<Metrics>().notNull(),
  /**
   * Per planned round: its metrics and those of the rounds after it once it was played, measured
   * by the planner so a start stores the rest of the plan without measuring the evening again.
   * Null on plans stored before it existed.
   */
  steps: text({ mode: 'json' }).$type<PlanStep[]>(),
  computedAt: integer({ mode: 'timestamp_ms' }).notNull(),
});

/** The plan as a state holds it: only the rounds not started yet (`played` is applied on read). */
export type PlanRow = Omit<typeof plans.$inferSelect, 'played'>;
