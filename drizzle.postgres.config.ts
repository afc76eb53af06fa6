import { defineConfig } from 'drizzle-kit';

/** The PostgreSQL dialect of the same tables (src/db/postgres-schema), beside SQLite's migrations. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/postgres-schema/index.ts',
  out: './migrations/postgres',
  casing: 'snake_case',
});
