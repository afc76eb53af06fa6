import { boolean, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import type { Catalogue } from '../../domain/catalogue.js';
import type { MatchingSettings } from '../../domain/event-settings.js';
import { EVENT_STATUSES, LANGUAGES } from '../schema/constants.js';
import { moment } from './columns.js';

export const events = pgTable('events', {
  id: text().primaryKey(),
  code: text().notNull().unique(),
  title: text().notNull(),
  language: text({ enum: LANGUAGES }).notNull(),
  status: text({ enum: EVENT_STATUSES }).notNull().default('active'),
  joinOpen: boolean().notNull().default(true),
  minutesPerRound: integer().notNull(),
  plannedRounds: integer().notNull(),
  matching: jsonb().$type<MatchingSettings>().notNull(),
  catalogue: jsonb().$type<Catalogue>().notNull(),
  moderatorTokenHash: text().notNull(),
  screenTokenHash: text().notNull(),
  version: integer().notNull().default(1),
  createdAt: moment().notNull(),
  updatedAt: moment().notNull(),
  finishedAt: moment(),
});
