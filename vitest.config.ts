import { availableParallelism } from 'node:os';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { fuzzRuns } from './tests/fuzz/runs.js';

/** Builds the compiled server and the web client once, before the projects that run them. */
const BUILD = './tests/helpers/build.ts';

/**
 * Timeouts only turn a hang into a failure: they are sized for a machine whose cores are busy with
 * other work, never as a speed requirement. Fuzz tests get time in proportion to their run count.
 */
const LOADED_MACHINE_MS = 180_000;
const FUZZ_MS_PER_RUN = 300;

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
      project('unit', ['tests/matching/**/*.test.ts', 'tests/domain/**/*.test.ts', 'tests/*.test.ts']),
      project(
        'api',
        [
          'tests/routes/**/*.test.ts',
          'tests/privacy/**/*.test.ts',
          'tests/db/**/*.test.ts',
          'tests/cli/**/*.test.ts',
        ],
        { globalSetup: [BUILD] },
      ),
      project('realtime', ['tests/realtime/**/*.test.ts', 'tests/operations/**/*.test.ts'], {
        globalSetup: [BUILD],
      }),
      project('fuzz', ['tests/fuzz/**/*.test.ts'], {
        testTimeout: LOADED_MACHINE_MS + fuzzRuns() * FUZZ_MS_PER_RUN,
      }),
      project('browser', ['tests/e2e/**/*.test.ts'], { globalSetup: [BUILD] }),
    ],
    // CI reads the closing "N passed, N failed" line from this report.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: '.vitest-report.json' },
  },
});
