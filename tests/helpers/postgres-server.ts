import type { TestProject } from 'vitest/node';
import { PostgresStore } from '../../src/db/postgres-store.js';
import { banner, createDatabase, postgresInstalled, startCluster } from './postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server the tests may create databases on, or null when none could be had. */
    postgresUrl: string | null;
    /**
     * A database on that server with every migration applied, which a test copies (CREATE DATABASE
     * … TEMPLATE) rather than migrating a new one: the API suite makes a database per test.
     */
    postgresTemplate: string | null;
  }
}

/**
 * Global setup of the PostgreSQL tests: TEST_DATABASE_URL when given; else a throwaway cluster from
 * the machine's initdb and pg_ctl; else the tests skip — loudly, and never in CI, where a missing
 * server fails the run.
 */
export default async function startPostgres(
  project: TestProject,
): Promise<(() => Promise<void>) | undefined> {
  const given = process.env.TEST_DATABASE_URL;
  const bins = given ? null : postgresInstalled();
  if (!given && !bins) {
    if (process.env.CI) throw new Error('CI: no PostgreSQL (initdb, pg_ctl) and no TEST_DATABASE_URL.');
    banner([
      'The PostgreSQL tests are SKIPPED: no TEST_DATABASE_URL and no initdb/pg_ctl here.',
      'Install Debian\'s "postgresql" package, or set TEST_DATABASE_URL=postgres://… to a server',
      'on which the tests may create and drop databases.',
    ]);
    project.provide('postgresUrl', null);
    project.provide('postgresTemplate', null);
    return undefined;
  }
  const cluster = bins ? startCluster(bins) : null;
  const url = given ?? cluster!.url;
  const template = await createDatabase(url, 'template');
  const migrated = await PostgresStore.open(template.url);
  await migrated.close();
  project.provide('postgresUrl', url);
  project.provide('postgresTemplate', template.name);
  return async () => {
    if (cluster) return cluster.stop();
    await template.drop();
  };
}
