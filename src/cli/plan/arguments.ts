import { parseArgs } from 'node:util';
import { z } from 'zod';
import { InputError, parseWith } from './input-error.js';

/** Nobody waits at a projector here, so the search may take longer than the live default. */
export const OFFLINE_TIME_MS = 3000;

const positiveInt = (max: number) =>
  z.coerce
    .number({ error: 'expected a number' })
    .int('expected a whole number')
    .min(1, 'must be at least 1')
    .max(max, `at most ${max}`);
const flagsSchema = z.object({
  input: z.string({ error: 'required (a .json instance or a .csv of participants)' }).min(1),
  rounds: positiveInt(100).optional(),
  seed: z.coerce.number({ error: 'expected a number' }).int('expected a whole number').optional(),
  'time-ms': positiveInt(600_000).optional(),
  tables: positiveInt(10_000).optional(),
  seats: positiveInt(1_000).optional(),
  format: z.enum(['json', 'csv', 'md'], { error: 'expected json, csv or md' }).default('json'),
});

export type PlanFlags = z.infer<typeof flagsSchema>;

/** The command line as typed flags; an unknown option or a bad value is an InputError naming it. */
export function parsePlanArguments(argv: string[]): PlanFlags {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args: argv,
      options: Object.fromEntries(
        ['input', 'rounds', 'seed', 'time-ms', 'tables', 'seats', 'format'].map((name) => [
          name,
          { type: 'string' as const },
        ]),
      ),
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new InputError(`arguments: ${(error as Error).message.split('\n')[0]}`);
  }
  return parseWith(flagsSchema, values, '--');
}
