import { index, integer, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';
import { events } from './events.js';
import { participants } from './participants.js';

/**
 * A registered attendee imported before the day: "expected", not a participant. Nobody plans, seats or
 * shows them until they claim the profile by their personal link and accept the privacy notice; the
 * claim creates their participant row.
 */
export const registrations = sqliteTable(
  'registrations',
  {
    id: text().primaryKey(),
    eventId: text()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    /** The ticket or order id of the organiser's export; a re-import updates by it. */
    ticketId: text().notNull(),
    /** SHA-256 of the personal claim secret (derived from the database key, so badges can be reprinted). */
    claimHash: text().notNull().unique(),
    displayName: text().notNull(),
    organisation: text(),
    /** Catalogue choices from the export; null when the file had none or an unknown one. */
    role: text(),
    stage: integer(),
    interests: text({ mode: 'json' }).$type<string[]>().notNull(),
    /** Offered as the contact when the person claims; never shared unless they choose to. */
    email: text(),
    /** Set once claimed; the person's own "delete my data" removes the registration with them. */
    participantId: text()
      .unique()
      .references(() => participants.id, { onDelete: 'cascade' }),
    importedAt: integer({ mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('registrations_event_idx').on(t.eventId), unique().on(t.eventId, t.ticketId)],
);

export type RegistrationRow = typeof registrations.$inferSelect;
