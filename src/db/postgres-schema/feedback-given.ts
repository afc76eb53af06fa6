import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { participants } from './participants.js';
import { rounds } from './rounds.js';

export const feedbackGiven = pgTable(
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
