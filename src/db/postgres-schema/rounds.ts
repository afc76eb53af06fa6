import { integer, jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import type { Metrics } from '../../matching/types.js';
import { ROUND_STATUSES } from '../schema/constants.js';
import { moment } from './columns.js';
import { events } from './events.js';

export const rounds = pgTable(
  'rounds',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    eventId: text()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    number: integer().notNull(),
    status: text({ enum: ROUND_STATUSES }).notNull(),
    startedAt: moment().notNull(),
    endsAt: moment().notNull(),
    endedAt: moment(),
    metrics: jsonb().$type<Metrics>().notNull(),
  },
  (t) => [unique().on(t.eventId, t.number)],
);
