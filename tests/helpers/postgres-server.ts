import type { TestProject } from 'vitest/node';
import { banner, postgresInstalled, startCluster } from './postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server the tests may create databases on, or null when none could be had. */
    postgresUrl: string | null;
  }
}

/**
 * Global setup of the PostgreSQL tests: TEST_DATABASE_URL when given; else a throwaway cluster from
 * the machine's initdb and pg_ctl; else the tests skip — loudly, and never in CI, where a missing
 * server fails the run.
 */
export default function startPostgres(project: TestProject): (() => void) | undefined {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide('postgresUrl', given);
    return undefined;
  }
  const bins = postgresInstalled();
  if (!bins) {
    if (process.env.CI) throw new Error('CI: no PostgreSQL (initdb, pg_ctl) and no TEST_DATABASE_URL.');
    banner([
      'The PostgreSQL tests are SKIPPED: no TEST_DATABASE_URL and no initdb/pg_ctl here.',
      'Install Debian\'s "postgresql" package, or set TEST_DATABASE_URL=postgres://… to a server',
      'on which the tests may create and drop databases.',
    ]);
    project.provide('postgresUrl', null);
    return undefined;
  }
  const cluster = startCluster(bins);
  project.provide('postgresUrl', cluster.url);
  return cluster.stop;
}
