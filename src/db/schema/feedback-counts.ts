import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { FEEDBACK_FACES } from './constants.js';
import { rounds } from './rounds.js';

/** How many people gave a round each face: counters only, so no answer can be traced to a person. */
export const feedbackCounts = sqliteTable(
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

export type FeedbackCountRow = typeof feedbackCounts.$inferSelect;
