/**
 * The offline planning command: reads a JSON instance or a CSV of participants, plans the rounds
 * and writes them (JSON as docs/matching.md, "The plan command", specifies, or CSV / Markdown seating
 * lists for organisers).
 * Every input is parsed by zod; bad input exits with code 2 and one line naming the field.
 */
import { CapacityError, measure, planSchedule } from '../matching/index.js';
import { OFFLINE_TIME_MS, parsePlanArguments } from './plan/arguments.js';
import { InputError } from './plan/input-error.js';
import { buildTables, matchPeople, readInstance } from './plan/read-instance.js';
import { renderPlan } from './plan/render-plan.js';
import { PLAN_USAGE } from './plan/usage.js';

function main(argv: string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(PLAN_USAGE);
    return 0;
  }
  try {
    const flags = parsePlanArguments(argv);
    const instance = readInstance(flags);
    const tables = buildTables(instance, flags);
    const people = matchPeople(instance.participants);
    const options = { seed: flags.seed ?? instance.seed ?? 1, timeMs: flags['time-ms'] ?? OFFLINE_TIME_MS };
    const rounds = planSchedule({
      people,
      tables,
      history: instance.history,
      rounds: flags.rounds ?? instance.rounds ?? 1,
      options,
    });
    const metrics = measure(rounds, people, instance.history);
    process.stdout.write(renderPlan(flags.format, rounds, tables, instance.participants, metrics));
    return 0;
  } catch (error) {
    if (error instanceof InputError) process.stderr.write(`error: ${error.message}\n`);
    else if (error instanceof CapacityError) process.stderr.write(`error: tables: ${error.message}\n`);
    else throw error;
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
