import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEvent } from '../../src/commands/events.js';
import { addPeople } from '../../src/commands/participants.js';
import { startRound } from '../../src/commands/rounds.js';
import type { CommandContext } from '../../src/commands/unit-of-work.js';
import { SqliteStore } from '../../src/db/store.js';
import { currentPlan } from '../../src/domain/forward-plan.js';
import { ForwardPlanner, planBoxes } from '../../src/planner/forward-planner.js';
import { type PlanResult, type PlanTask, runPlanTask } from '../../src/planner/plan-task.js';
import { Changes } from '../../src/plugins/changes.js';
import { loadEventState } from '../../src/repositories/event-state.js';

/** A pool whose jobs finish when the test says so: the planner's races made visible. */
function heldPool() {
  const jobs: { task: PlanTask; finish: () => void; aborted: boolean }[] = [];
  return {
    jobs,
    run: (task: PlanTask, signal?: AbortSignal) =>
      new Promise<PlanResult>((resolve, reject) => {
        const job = { task, finish: () => resolve(runPlanTask(task)), aborted: false };
        jobs.push(job);
        signal?.addEventListener('abort', () => {
          job.aborted = true;
          reject(signal.reason);
        });
      }),
    close: async () => {},
  };
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup(reported: unknown[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'tischwechsel-planner-'));
  dirs.push(dir);
  const store = new SqliteStore(join(dir, 'db.sqlite'));
  const db = store.reader;
  const pool = heldPool();
  const changes = new Changes();
  const ctx = { db, store, now: () => Date.now(), changes } as unknown as CommandContext;
  ctx.planner = new ForwardPlanner({
    db,
    store,
    now: ctx.now,
    pool,
    threads: 1,
    boxes: planBoxes(100),
    changes,
    onError: (error) => {
      reported.push(error);
      throw error;
    },
  });
  changes.on('changed', (eventId, source) => source === 'event' && ctx.planner.request(eventId));
  return { ctx, pool };
}

const profile = (i: number) => ({
  displayName: `Gast ${i}`,
  organisation: null,
  role: 'verwaltung',
  stage: i % 5,
  interests: [],
});

/** A breakfast of three planned rounds at these tables, nobody there yet. */
async function breakfast(ctx: CommandContext, tables: { count: number; seats: number }): Promise<string> {
  const { id } = await createEvent(ctx, {
    title: 'Frühstück',
    language: 'de',
    tables,
    minutesPerRound: 10,
    plannedRounds: 3,
    matching: {},
    template: 'oss-verwaltung',
  });
  return id;
}

/** Eight people at three tables of four, three rounds planned: the planner is asked at once. */
async function breakfastOfEight(ctx: CommandContext): Promise<string> {
  const id = await breakfast(ctx, { count: 3, seats: 4 });
  await addPeople(
    ctx,
    id,
    Array.from({ length: 8 }, (_, i) => profile(i)),
    'rehearsal',
  );
  return id;
}

describe('the forward planner', () => {
  it('never commits a plan the room outgrew, and plans again for the room as it is', async () => {
    const { ctx, pool } = setup();
    const id = await breakfastOfEight(ctx);
    await vi.waitFor(() => expect(pool.jobs).toHaveLength(1), { timeout: 60_000 });
    expect(pool.jobs[0]!.task.input.people).toHaveLength(8);

    // A ninth person arrives while the plan for eight is being made.
    const [late] = await addPeople(ctx, id, [profile(9)], 'walk_in');
    pool.jobs[0]!.finish();
    await vi.waitFor(() => expect(pool.jobs).toHaveLength(2), { timeout: 60_000 });
    expect(currentPlan((await loadEventState(ctx.db, id))!)).toBeNull();
    expect(pool.jobs[1]!.task.input.people).toHaveLength(9);
    // The superseded plan is the warm start of the new one.
    expect(pool.jobs[1]!.task.input.warmStart?.flat(2)).toHaveLength(8 * 3);

    const starting = startRound(ctx, id);
    pool.jobs[1]!.finish();
    expect(await starting).toEqual({ number: 1 });
    const state = (await loadEventState(ctx.db, id))!;
    expect(state.rounds[0]!.seats.size).toBe(9);
    expect(state.rounds[0]!.seats.has(late!)).toBe(true);
  });

  it('makes one plan for a burst of changes', async () => {
    const { ctx, pool } = setup();
    const id = await breakfast(ctx, { count: 10, seats: 6 });
    for (let i = 0; i < 50; i++) await addPeople(ctx, id, [profile(i)], 'walk_in');
    await vi.waitFor(() => expect(pool.jobs).toHaveLength(1), { timeout: 60_000 });
    expect(pool.jobs[0]!.task.input.people).toHaveLength(50);
    pool.jobs[0]!.finish();
    await vi.waitFor(async () => expect(currentPlan((await loadEventState(ctx.db, id))!)).not.toBeNull(), {
      timeout: 60_000,
    });
    expect(pool.jobs).toHaveLength(1);
  });

  it('abandons a plan under way at shutdown instead of waiting for it: nothing stored, nothing reported', async () => {
    const reported: unknown[] = [];
    const { ctx, pool } = setup(reported);
    const id = await breakfastOfEight(ctx);
    await vi.waitFor(() => expect(pool.jobs).toHaveLength(1), { timeout: 60_000 });
    // The job never finishes by itself: a shutdown that waited for it would never end.
    await ctx.planner.close();
    expect(pool.jobs[0]!.aborted).toBe(true);
    expect(currentPlan((await loadEventState(ctx.db, id))!)).toBeNull();
    expect(reported).toEqual([]);
  });
});
