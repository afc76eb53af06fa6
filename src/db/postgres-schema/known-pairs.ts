import { index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { events } from './events.js';
import { participants } from './participants.js';

export const knownPairs = pgTable(
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
