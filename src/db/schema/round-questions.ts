import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { events } from './events.js';

/**
 * The question of one round (World Café style), by round number so it can be typed before the
 * round exists; one text per language, either may be missing.
 */
export const roundQuestions = sqliteTable(
  'round_questions',
  {
    eventId: text()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    roundNumber: integer().notNull(),
    de: text(),
    en: text(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.roundNumber] })],
);

export type RoundQuestionRow = typeof roundQuestions.$inferSelect;
