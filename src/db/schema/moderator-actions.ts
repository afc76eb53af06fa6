import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { events } from './events.js';

/** Append-only audit of what the moderator did; details carry ids and numbers, never names or contacts. */
export const moderatorActions = sqliteTable(
  'moderator_actions',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    eventId: text()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    at: integer({ mode: 'timestamp_ms' }).notNull(),
    action: text().notNull(),
    details: text({ mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('moderator_actions_event_idx').on(t.eventId)],
);
