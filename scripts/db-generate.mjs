#!/usr/bin/env node
/**
 * Generates a migration for each dialect from the schema change, with the same arguments
 * (`npm run db:generate -- --name add_x`): SQLite into migrations/, PostgreSQL into migrations/postgres/.
 */
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
for (const config of ['drizzle.config.ts', 'drizzle.postgres.config.ts']) {
  const run = spawnSync('npx', ['drizzle-kit', 'generate', '--config', config, ...args], {
    stdio: 'inherit',
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
