import { boolean, index, integer, jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { PRESENCES, type TableFeature } from '../schema/constants.js';
import { moment } from './columns.js';
import { events } from './events.js';

export const participants = pgTable(
  'participants',
  {
    id: text().primaryKey(),
    eventId: text()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    tokenHash: text().unique(),
    requestKeyHash: text(),
    displayName: text().notNull(),
    organisation: text(),
    role: text().notNull(),
    stage: integer().notNull(),
    interests: jsonb().$type<string[]>().notNull(),
    contact: text(),
    shareContact: boolean().notNull().default(false),
    presence: text({ enum: PRESENCES }).notNull().default('present'),
    walkIn: boolean().notNull().default(false),
    simulated: boolean().notNull().default(false),
    staySeated: boolean().notNull().default(false),
    tableNeeds: jsonb().$type<TableFeature[]>().notNull().default([]),
    joinedAt: moment().notNull(),
  },
  (t) => [
    index('participants_event_idx').on(t.eventId, t.joinedAt, t.id),
    unique().on(t.eventId, t.requestKeyHash),
  ],
);
