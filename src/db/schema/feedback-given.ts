import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { participants } from './participants.js';
import { rounds } from './rounds.js';

/**
 * That a person answered a round's feedback question: only the once-ness, never the answer (the
 * answers are counters in feedback_counts, with nothing that points back here).
 */
export const feedbackGiven = sqliteTable(
  'feedback_given',
  {
    roundId: integer()
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    participantId: text()
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.participantId] })],
);

export type FeedbackGivenRow = typeof feedbackGiven.$inferSelect;
