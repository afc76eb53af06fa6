import { runPlanTask } from './plan-task.js';

/** A planner thread: the pure engine, nothing else. */
export default runPlanTask;
