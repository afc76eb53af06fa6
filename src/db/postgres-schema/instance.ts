import { pgTable, text } from 'drizzle-orm/pg-core';

export const instance = pgTable('instance', {
  key: text().primaryKey(),
  value: text().notNull(),
});
