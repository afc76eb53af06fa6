import { index, integer, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';
import { PRESENCES, type TableFeature } from './constants.js';
import { events } from './events.js';

export const participants = sqliteTable(
  'participants',
  {
    id: text().primaryKey(),
    eventId: text()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    /** SHA-256 of the participant's secret; null for walk-ins added by the moderator. */
    tokenHash: text().unique(),
    /** SHA-256 of the client's request key, so a repeated join returns the same person. */
    requestKeyHash: text(),
    displayName: text().notNull(),
    organisation: text(),
    role: text().notNull(),
    stage: integer().notNull(),
    interests: text({ mode: 'json' }).$type<string[]>().notNull(),
    contact: text(),
    shareContact: integer({ mode: 'boolean' }).notNull().default(false),
    presence: text({ enum: PRESENCES }).notNull().default('present'),
    walkIn: integer({ mode: 'boolean' }).notNull().default(false),
    simulated: integer({ mode: 'boolean' }).notNull().default(false),
    /** Seated once, then the others rotate around them (as around a host); why is never asked. */
    staySeated: integer({ mode: 'boolean' }).notNull().default(false),
    /** Only tables offering all of these. */
    tableNeeds: text({ mode: 'json' }).$type<TableFeature[]>().notNull().default([]),
    joinedAt: integer({ mode: 'timestamp_ms' }).notNull(),
  },
  // In the order the event state reads them: sorting whole rows in a temporary tree took longer than reading them.
  (t) => [
    index('participants_event_idx').on(t.eventId, t.joinedAt, t.id),
    unique().on(t.eventId, t.requestKeyHash),
  ],
);

export type ParticipantRow = typeof participants.$inferSelect;
