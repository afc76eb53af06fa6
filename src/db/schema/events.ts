import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { Catalogue } from '../../domain/catalogue.js';
import type { MatchingSettings } from '../../domain/event-settings.js';
import { EVENT_STATUSES, LANGUAGES } from './constants.js';

export const events = sqliteTable('events', {
  id: text().primaryKey(),
  /** Short public code in the join link and the API paths. */
  code: text().notNull().unique(),
  title: text().notNull(),
  language: text({ enum: LANGUAGES }).notNull(),
  status: text({ enum: EVENT_STATUSES }).notNull().default('active'),
  joinOpen: integer({ mode: 'boolean' }).notNull().default(true),
  minutesPerRound: integer().notNull(),
  plannedRounds: integer().notNull(),
  matching: text({ mode: 'json' }).$type<MatchingSettings>().notNull(),
  catalogue: text({ mode: 'json' }).$type<Catalogue>().notNull(),
  moderatorTokenHash: text().notNull(),
  screenTokenHash: text().notNull(),
  /** Raised by every committed change; realtime pushes carry it. */
  version: integer().notNull().default(1),
  createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
  updatedAt: integer({ mode: 'timestamp_ms' }).notNull(),
  finishedAt: integer({ mode: 'timestamp_ms' }),
});

export type EventRow = typeof events.$inferSelect;
