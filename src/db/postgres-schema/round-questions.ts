import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { events } from './events.js';

export const roundQuestions = pgTable(
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
