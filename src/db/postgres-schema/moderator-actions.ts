import { index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { moment } from './columns.js';
import { events } from './events.js';

export const moderatorActions = pgTable(
  'moderator_actions',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    eventId: text()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    at: moment().notNull(),
    action: text().notNull(),
    details: jsonb().$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('moderator_actions_event_idx').on(t.eventId)],
);
