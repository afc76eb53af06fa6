import { index, integer, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';
import type { TableFeature } from './constants.js';
import { events } from './events.js';

export const eventTables = sqliteTable(
  'event_tables',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    eventId: text()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    label: text().notNull(),
    seats: integer().notNull(),
    topic: text(),
    /** A participant who stays at this table every round; no FK so erasing the host only clears the seat. */
    hostParticipantId: text(),
    features: text({ mode: 'json' }).$type<TableFeature[]>().notNull().default([]),
  },
  (t) => [unique().on(t.eventId, t.position), index('event_tables_event_idx').on(t.eventId)],
);

export type EventTableRow = typeof eventTables.$inferSelect;
