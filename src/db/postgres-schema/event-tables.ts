import { index, integer, jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import type { TableFeature } from '../schema/constants.js';
import { events } from './events.js';

export const eventTables = pgTable(
  'event_tables',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    eventId: text()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    label: text().notNull(),
    seats: integer().notNull(),
    topic: text(),
    hostParticipantId: text(),
    features: jsonb().$type<TableFeature[]>().notNull().default([]),
  },
  (t) => [unique().on(t.eventId, t.position), index('event_tables_event_idx').on(t.eventId)],
);
