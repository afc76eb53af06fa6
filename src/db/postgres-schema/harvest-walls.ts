import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { moment } from './columns.js';
import { events } from './events.js';

export const harvestWalls = pgTable('harvest_walls', {
  eventId: text()
    .primaryKey()
    .references(() => events.id, { onDelete: 'cascade' }),
  roundNumber: integer(),
  shownAt: moment().notNull(),
});
