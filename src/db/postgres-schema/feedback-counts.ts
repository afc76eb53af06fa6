import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { FEEDBACK_FACES } from '../schema/constants.js';
import { rounds } from './rounds.js';

export const feedbackCounts = pgTable(
  'feedback_counts',
  {
    roundId: integer()
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    face: text({ enum: FEEDBACK_FACES }).notNull(),
    count: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.face] })],
);
