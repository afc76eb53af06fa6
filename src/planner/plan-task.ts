import { measure, measureSteps, planSchedule } from '../matching/index.js';
import type { MatchPerson, Metrics, PlanScheduleInput, PlanStep, Round } from '../matching/types.js';

/** What the pool's workers are asked: plan the remaining rounds and measure them. */
export interface PlanTask {
  input: PlanScheduleInput;
  /** Everyone of the event, present or not, so the metrics count history of people now away. */
  everyone: MatchPerson[];
}

export interface PlanResult {
  rounds: Round[];
  /** The planned rounds, given the history. */
  metrics: Metrics;
  /** History and planned rounds together. */
  eveningMetrics: Metrics;
  /** Per planned round: its metrics and those of the rest once it was played. */
  steps: PlanStep[];
  /** Wall time of the planning in the worker. */
  ms: number;
}

/** Pure: the same task gives the same result, whichever thread runs it. */
export function runPlanTask(task: PlanTask): PlanResult {
  const started = Date.now();
  const rounds = planSchedule(task.input);
  return {
    rounds,
    metrics: measure(rounds, task.everyone, task.input.history),
    eveningMetrics: measure([...task.input.history, ...rounds], task.everyone),
    steps: measureSteps(rounds, task.everyone, task.input.history),
    ms: Date.now() - started,
  };
}
