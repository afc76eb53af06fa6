import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { runtimeFile } from '../runtime-files.js';
import * as schema from './postgres-schema/index.js';

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };

export const POSTGRES_MIGRATIONS_FOLDER = runtimeFile({
  source: 'migrations/postgres',
  built: 'migrations/postgres',
});

/**
 * The advisory lock every replica takes to migrate (any fixed 64-bit number, the same in all
 * versions): drizzle's migrator reads what has run before its transaction begins, so two replicas
 * starting together would both create the same tables and one of them fail.
 */
export const MIGRATION_LOCK = '7318422907551001';

/** Applies the pending migrations, one replica at a time; the others wait, then find nothing to do. */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    // Session-level, so it holds across the migrator's own transaction on this connection.
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migrate(drizzle({ client, casing: 'snake_case' }), {
        migrationsFolder: POSTGRES_MIGRATIONS_FOLDER,
      });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** Connects to DATABASE_URL's server and applies pending migrations. */
export async function openPostgres(url: string): Promise<PgDb> {
  const pool = new pg.Pool({ connectionString: url });
  // The pool drops an idle connection the server closed (a restart, a failover) and opens a new one
  // for the next query; without a listener, pg's error event would end the process.
  pool.on('error', () => {});
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return drizzle({ client: pool, schema, casing: 'snake_case' }) as PgDb;
}
