import { describe, expect, it } from 'vitest';
import { createPlannerPool } from '../../src/planner/pool.js';
import { createTestApp } from '../helpers/app.js';
import { until } from '../helpers/until.js';
import { golfers, tables } from '../matching/fixtures.js';

/** The worker threads this process runs now (its diagnostic report lists one entry per thread). */
const threads = () => (process.report.getReport() as unknown as { workers: unknown[] }).workers.length;

const smallTask = () => {
  const people = golfers(12);
  return {
    input: {
      people,
      tables: tables(3, 4),
      history: [],
      rounds: 1,
      options: { seed: 1, effortMs: 10, timeMs: 10_000 },
    },
    everyone: people,
  };
};

describe('the planner threads', () => {
  it('start no thread until they are given a task', async () => {
    const before = threads();
    const idle = createPlannerPool(1);
    const tasked = createPlannerPool(1);
    try {
      const result = await tasked.run(smallTask());
      expect(result.rounds).toHaveLength(1);
      // The tasked pool's thread has planned; the idle pool, made before it, has none.
      expect(threads()).toBe(before + 1);
    } finally {
      await Promise.all([idle.close(), tasked.close()]);
    }
  });

  it('refuse a task once closed, and start nothing then', async () => {
    const pool = createPlannerPool(1);
    await pool.close();
    const before = threads();
    await expect(pool.run(smallTask())).rejects.toThrow('closed');
    expect(threads()).toBe(before);
  });

  it('start with the first plan, and the checkpoint thread once the server listens', async () => {
    const before = threads();
    const t = await createTestApp();
    try {
      const res = await t.app.inject({ method: 'GET', url: '/healthz' });
      expect(res.statusCode).toBe(200);
      expect(threads()).toBe(before);
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      await until(() => threads() === before + 1, 'the checkpoint thread');
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/events',
        payload: { title: 'Threads', tables: { count: 2, seats: 4 }, minutesPerRound: 10 },
      });
      expect(created.statusCode).toBe(201);
      const { code } = created.json() as { code: string };
      for (const name of ['Ada', 'Grace']) {
        const joined = await t.app.inject({
          method: 'POST',
          url: `/api/events/${code}/participants`,
          payload: {
            displayName: name,
            organisation: `Org ${name}`,
            role: 'verwaltung',
            stage: 1,
            interests: ['governance'],
            privacyAccepted: true,
          },
        });
        expect(joined.statusCode).toBe(201);
      }
      await until(() => threads() === before + 2, "the planner thread, for the new event's plan");
    } finally {
      await t.close();
    }
    await until(() => threads() === before, 'both threads stopped with the server');
  });

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
