import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { runningFromSource, runtimeFile } from '../runtime-files.js';
import type { PlanResult, PlanTask } from './plan-task.js';

export interface PlannerPool {
  /** `signal`: aborting it ends the task at once (its thread is stopped) and rejects the promise. */
  run(task: PlanTask, signal?: AbortSignal): Promise<PlanResult>;
  close(): Promise<void>;
}

/** One thread fewer than the cores, at least one: the main thread keeps answering requests and sockets. */
export const defaultPlannerThreads = () => Math.max(1, availableParallelism() - 1);

/**
 * Worker threads running the pure engine. Run from source (tests, development) the worker file is
 * TypeScript and needs the tsx loader; built, the worker is its own bundle, run with plain node.
 * The first thread starts with the first task, not with the server: a thread's own start (a Node
 * environment and the engine's bundle) took cores from the server's start, and from the phones a
 * restarted server answers first, for a plan nobody had asked for yet.
 */
export function createPlannerPool(threads = defaultPlannerThreads()): PlannerPool {
  const filename = runtimeFile({ source: 'src/planner/worker.ts', built: 'server/planner-worker.js' });
  let pool: Piscina<PlanTask, PlanResult> | null = null;
  let closed = false;
  const started = () => {
    if (closed) throw new Error('The planner threads are closed.');
    pool ??= new Piscina<PlanTask, PlanResult>({
      filename,
      // Once started, one thread is kept, so that only the first plan waits for a thread to start.
      minThreads: 1,
      maxThreads: threads,
      // Planning is CPU-bound: one task per thread, the rest wait in the pool's queue.
      concurrentTasksPerWorker: 1,
      idleTimeout: 60_000,
      execArgv: runningFromSource ? ['--import', 'tsx'] : [],
    });
    return pool;
  };
  return {
    run: async (task, signal) => started().run(task, signal ? { signal } : {}),
    close: async () => {
      closed = true;
      await pool?.destroy();
    },
  };
}
