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
 */
export function createPlannerPool(threads = defaultPlannerThreads()): PlannerPool {
  const filename = runtimeFile({ source: 'src/planner/worker.ts', built: 'server/planner-worker.js' });
  const pool = new Piscina<PlanTask, PlanResult>({
    filename,
    minThreads: 1,
    maxThreads: threads,
    // Planning is CPU-bound: one task per thread, the rest wait in the pool's queue.
    concurrentTasksPerWorker: 1,
    idleTimeout: 60_000,
    execArgv: runningFromSource ? ['--import', 'tsx'] : [],
  });
  return {
    run: (task, signal) => pool.run(task, signal ? { signal } : {}),
    close: () => pool.destroy(),
  };
}
