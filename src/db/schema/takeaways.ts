import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { eventTables } from './event-tables.js';
import { events } from './events.js';
import { rounds } from './rounds.js';

/**
 * One takeaway of a table's harvest in one round. Deliberately without the writer and without a
 * time: nothing here says who wrote it.
 */
export const takeaways = sqliteTable(
  'takeaways',
  {
    id: integer().primaryKey({ autoIncrement: true }),
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
    /** Hidden by the moderator: kept (it still counts towards the table's five) but shown nowhere. */
    hidden: integer({ mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    index('takeaways_event_idx').on(t.eventId),
    index('takeaways_round_table_idx').on(t.roundId, t.tableId),
  ],
);

export type TakeawayRow = typeof takeaways.$inferSelect;
