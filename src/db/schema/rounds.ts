import { integer, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';
import type { Metrics } from '../../matching/types.js';
import { ROUND_STATUSES } from './constants.js';
import { events } from './events.js';

export const rounds = sqliteTable(
  'rounds',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    eventId: text()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    number: integer().notNull(),
    status: text({ enum: ROUND_STATUSES }).notNull(),
    startedAt: integer({ mode: 'timestamp_ms' }).notNull(),
    endsAt: integer({ mode: 'timestamp_ms' }).notNull(),
    endedAt: integer({ mode: 'timestamp_ms' }),
    /** Quality of the round as planned, given the rounds before it. */
    metrics: text({ mode: 'json' }).$type<Metrics>().notNull(),
  },
  (t) => [unique().on(t.eventId, t.number)],
);

export type RoundRow = typeof rounds.$inferSelect;
