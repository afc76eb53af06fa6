import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { PlanResult, PlanTask } from './plan-task.js';

export interface PlannerPool {
  run(task: PlanTask): Promise<PlanResult>;
  close(): Promise<void>;
}

/** One thread fewer than the cores, at least one: the main thread keeps answering requests and sockets. */
export const defaultPlannerThreads = () => Math.max(1, availableParallelism() - 1);

/**
 * Worker threads running the pure engine. Run from source (tests, development) the worker file is
 * TypeScript and needs the tsx loader; the compiled server runs its .js sibling with plain node.
 */
export function createPlannerPool(threads = defaultPlannerThreads()): PlannerPool {
  const fromSource = import.meta.url.endsWith('.ts');
  const filename = new URL(fromSource ? './worker.ts' : './worker.js', import.meta.url).href;
  const pool = new Piscina<PlanTask, PlanResult>({
    filename,
    minThreads: 1,
    maxThreads: threads,
    // Planning is CPU-bound: one task per thread, the rest wait in the pool's queue.
    concurrentTasksPerWorker: 1,
    idleTimeout: 60_000,
    execArgv: fromSource ? ['--import', 'tsx'] : [],
  });
  return {
    run: (task) => pool.run(task),
    close: () => pool.destroy(),
  };
}
