import { index, integer, jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { moment } from './columns.js';
import { events } from './events.js';
import { participants } from './participants.js';

export const registrations = pgTable(
  'registrations',
  {
    id: text().primaryKey(),
    eventId: text()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    ticketId: text().notNull(),
    claimHash: text().notNull().unique(),
    displayName: text().notNull(),
    organisation: text(),
    role: text(),
    stage: integer(),
    interests: jsonb().$type<string[]>().notNull(),
    email: text(),
    participantId: text()
      .unique()
      .references(() => participants.id, { onDelete: 'cascade' }),
    importedAt: moment().notNull(),
  },
  (t) => [index('registrations_event_idx').on(t.eventId), unique().on(t.eventId, t.ticketId)],
);
