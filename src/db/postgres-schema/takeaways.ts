import { boolean, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { eventTables } from './event-tables.js';
import { events } from './events.js';
import { rounds } from './rounds.js';

export const takeaways = pgTable(
  'takeaways',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    eventId: text()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    roundId: integer()
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    tableId: integer()
      .notNull()
      .references(() => eventTables.id, { onDelete: 'cascade' }),
    text: text().notNull(),
    hidden: boolean().notNull().default(false),
  },
  (t) => [
    index('takeaways_event_idx').on(t.eventId),
    index('takeaways_round_table_idx').on(t.roundId, t.tableId),
  ],
);
