import pg from 'pg';
import { inject, onTestFinished } from 'vitest';
import { createDatabase } from './postgres-cluster.js';

/** The server of this run (see postgres-server.ts), or null: the tests then skip. */
export const postgresUrl = inject('postgresUrl');

/** A new, empty database for the running test, dropped when it finishes (after what uses it). */
export async function freshDatabase(): Promise<string> {
  if (!postgresUrl) throw new Error('No PostgreSQL server in this run.');
  const { url, drop } = await createDatabase(postgresUrl, 't');
  onTestFinished(drop);
  return url;
}

/**
 * Ends the given handle when the running test finishes: registered after the database, so it ends
 * first (vitest runs these hooks last registered first).
 */
export function closesAfterTest<T>(handle: T, close: (handle: T) => Promise<unknown>): T {
  onTestFinished(async () => {
    await close(handle);
  });
  return handle;
}

/** A pool on the test's database, ended when the test finishes. */
export function testPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url });
  // A connection the test's server ends (dropping the database) must not end the test run.
  pool.on('error', () => {});
  return closesAfterTest(pool, (p) => p.end());
}
