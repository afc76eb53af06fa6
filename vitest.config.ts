import { availableParallelism } from 'node:os';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { fuzzRuns } from './tests/fuzz/runs.js';
import { postgresAvailable } from './tests/helpers/postgres-cluster.js';

/** Builds the compiled server and the web client once, before the projects that run them. */
const BUILD = './tests/helpers/build.ts';

/**
 * Timeouts only turn a hang into a failure: they are sized for a machine whose cores are busy with
 * other work, never as a speed requirement. Fuzz tests get time in proportion to their run count.
 */
const LOADED_MACHINE_MS = 180_000;
const FUZZ_MS_PER_RUN = 300;
/** The browser story walks a whole event (about a minute on a quiet machine). */
const BROWSER_MS = 600_000;

const UNIT = ['tests/matching/**/*.test.ts', 'tests/domain/**/*.test.ts', 'tests/*.test.ts'];
const REALTIME = ['tests/realtime/**/*.test.ts', 'tests/operations/**/*.test.ts'];
const FUZZ = ['tests/fuzz/**/*.test.ts'];
const BROWSER = ['tests/e2e/**/*.test.ts'];
const POSTGRES = ['tests/postgres/**/*.test.ts'];
/**
 * The API, realtime and crash tests run a second time with the service on PostgreSQL: every test that
 * drives the service through its API, its sockets or a server process …
 */
const ON_BOTH_STORES = [
  'tests/routes/**/*.test.ts',
  'tests/realtime/**/*.test.ts',
  'tests/commands/**/*.test.ts',
  'tests/planner/**/*.test.ts',
  'tests/repositories/**/*.test.ts',
  'tests/privacy/**/*.test.ts',
  'tests/operations/crash.test.ts',
];
/** … but those that use no store at all, and those about the SQLite file itself. */
const NOT_ON_POSTGRES = [
  'tests/realtime/fan-out.test.ts',
  'tests/realtime/heartbeat.test.ts',
  'tests/realtime/reconnect-schedule.test.ts',
  'tests/planner/forward-planner.test.ts',
  'tests/planner/pool.test.ts',
  'tests/repositories/erasure.test.ts',
  'tests/privacy/logs.test.ts',
  // The bytes of the SQLite file and its WAL; PostgreSQL's erasure has tests/postgres/service.test.ts.
  'tests/privacy/erasure.test.ts',
  'tests/privacy/physical-erasure.test.ts',
  // SQLite's one writing connection against its readers.
  'tests/repositories/consistent-read.test.ts',
];
/** Gives the PostgreSQL tests a server: TEST_DATABASE_URL, or a throwaway cluster of the machine's. */
const POSTGRES_SERVER = './tests/helpers/postgres-server.ts';

const project = (
  name: string,
  include: string[],
  extra: NonNullable<TestProjectInlineConfiguration['test']> = {},
): TestProjectInlineConfiguration => ({
  extends: true,
  test: { name, include, testTimeout: LOADED_MACHINE_MS, hookTimeout: LOADED_MACHINE_MS, ...extra },
});

export default defineConfig({
  test: {
    pool: 'forks',
    // Bounded: every worker may start a server process or a browser of its own.
    maxWorkers: Math.min(4, availableParallelism()),
    projects: [
      project('unit', UNIT),
      project('realtime', REALTIME, { globalSetup: [BUILD] }),
      project('fuzz', FUZZ, { testTimeout: LOADED_MACHINE_MS + fuzzRuns() * FUZZ_MS_PER_RUN }),
      // The replica tests run the compiled server as processes.
      project('postgres', POSTGRES, { globalSetup: [POSTGRES_SERVER, BUILD] }),
      // Without a server (and outside CI) the postgres project's setup says loudly that these skip.
      ...(postgresAvailable() || process.env.CI
        ? [
            project('api-postgres', ON_BOTH_STORES, {
              exclude: NOT_ON_POSTGRES,
              env: { TEST_STORE: 'postgres' },
              globalSetup: [POSTGRES_SERVER, BUILD],
            }),
          ]
        : []),
      project('browser', BROWSER, { globalSetup: [BUILD], testTimeout: BROWSER_MS, hookTimeout: BROWSER_MS }),
      // Everything else goes through the API (routes, privacy, db, cli, planner, …): no test file is
      // left out of `npm test` because nobody added its folder to a project.
      project('api', ['tests/**/*.test.ts'], {
        exclude: [...UNIT, ...REALTIME, ...FUZZ, ...BROWSER, ...POSTGRES],
        globalSetup: [BUILD],
      }),
    ],
    // CI reads the closing "N passed, N failed" line from this report.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: '.vitest-report.json' },
  },
});
