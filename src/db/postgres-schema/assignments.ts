import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { eventTables } from './event-tables.js';
import { participants } from './participants.js';
import { rounds } from './rounds.js';

export const assignments = pgTable(
  'assignments',
  {
    roundId: integer()
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    participantId: text()
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    tableId: integer()
      .notNull()
      .references(() => eventTables.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.participantId] }),
    index('assignments_participant_idx').on(t.participantId),
  ],
);
