/** The matching engine: pure functions from people, tables and history to seatings and metrics. */
export { repeatLowerBound } from './bounds.js';
export { CapacityError } from './capacity-error.js';
export { type LateArrivalInput, LateArrivals, seatLateArrival } from './late-arrival.js';
export { measure, measureSteps, RoundMeasure } from './metrics.js';
export { naiveRound } from './naive-round.js';
export { DEFAULT_WEIGHTS } from './objective.js';
export { DEFAULT_ROUND_TIME_MS, planRound } from './plan-round.js';
export { DEFAULT_SCHEDULE_TIME_MS, planSchedule } from './plan-schedule.js';
export type {
  MatchOptions,
  MatchPerson,
  MatchTable,
  MatchWeights,
  Metrics,
  PlanRoundInput,
  PlanScheduleInput,
  PlanStep,
  Round,
} from './types.js';
