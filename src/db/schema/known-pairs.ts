import { index, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { events } from './events.js';
import { participants } from './participants.js';

/**
 * "We already know each other", said privately by one person of another (who is not told): the
 * planner counts the pair as met. Only the person who said it sees it.
 */
export const knownPairs = sqliteTable(
  'known_pairs',
  {
    eventId: text()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    markedBy: text()
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    other: text()
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.markedBy, t.other] }), index('known_pairs_event_idx').on(t.eventId)],
);

export type KnownPairRow = typeof knownPairs.$inferSelect;
