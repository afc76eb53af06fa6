import { inject } from 'vitest';
import { createDatabase } from './postgres-cluster.js';

/**
 * The store this test project runs the service on. The API, realtime and crash tests run twice: on
 * the embedded SQLite file, and (TEST_STORE=postgres, set by the project) on PostgreSQL.
 */
export const storeUnderTest: 'sqlite' | 'postgres' =
  process.env.TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';
export const onPostgres = storeUnderTest === 'postgres';

/** A new database for one test app or server process, a copy of the run's migrated template. */
export async function postgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = inject('postgresUrl');
  const template = inject('postgresTemplate');
  if (!server || !template) throw new Error('This project runs on PostgreSQL, but the run has no server.');
  return createDatabase(server, 't', template);
}
