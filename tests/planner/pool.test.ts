import { describe, expect, it } from 'vitest';
import { createPlannerPool } from '../../src/planner/pool.js';
import { golfers, tables } from '../matching/fixtures.js';

describe('the planner threads', () => {
  it('stop a plan under way when its signal is aborted, instead of finishing its time box', async () => {
    const pool = createPlannerPool(1);
    try {
      const people = golfers(2000);
      // A box that would keep the thread busy for a minute.
      const task = {
        input: {
          people,
          tables: tables(400, 5),
          history: [],
          rounds: 6,
          options: { seed: 1, effortMs: 60_000, timeMs: 60_000 },
        },
        everyone: people,
      };
      const stop = new AbortController();
      const planning = pool.run(task, stop.signal);
      const outcome = planning.then(
        () => 'finished',
        (error: Error) => error.name,
      );
      stop.abort();
      expect(await outcome).toBe('AbortError');
    } finally {
      await pool.close();
    }
  });
});
