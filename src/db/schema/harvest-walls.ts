import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { events } from './events.js';

/** The venue screen shows the harvest wall while this row exists: one round's takeaways, or all (null). */
export const harvestWalls = sqliteTable('harvest_walls', {
  eventId: text()
    .primaryKey()
    .references(() => events.id, { onDelete: 'cascade' }),
  roundNumber: integer(),
  shownAt: integer({ mode: 'timestamp_ms' }).notNull(),
});

export type HarvestWallRow = typeof harvestWalls.$inferSelect;
