/**
 * The offline planning command: reads a JSON instance or a CSV of participants, plans the rounds
 * and writes them (JSON as PRODUCT.md specifies, or CSV / Markdown seating lists for organisers).
 * Every input is parsed by zod; bad input exits with code 2 and one line naming the field.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  CapacityError,
  type MatchPerson,
  type MatchTable,
  measure,
  planSchedule,
  type Round,
} from '../matching/index.js';

class InputError extends Error {}

/** Nobody waits at a projector here, so the search may take longer than the live default. */
const OFFLINE_TIME_MS = 3000;

const STAGE_KEYS = ['neugierig', 'nutzen', 'beitragen', 'veroeffentlichen', 'strategie'];
const text = z.string().trim();
const optionalText = z
  .string()
  .trim()
  .nullish()
  .transform((value) => (value ? value : null));
const stage = z
  .union([z.number(), z.string().trim()])
  .nullish()
  .transform((value, ctx) => {
    if (value === null || value === undefined || value === '') return null;
    const ordinal =
      typeof value === 'number'
        ? value
        : STAGE_KEYS.includes(value)
          ? STAGE_KEYS.indexOf(value)
          : Number(value);
    if (Number.isInteger(ordinal) && ordinal >= 0 && ordinal <= 4) return ordinal;
    ctx.addIssue({ code: 'custom', message: `expected a stage 0–4 or one of ${STAGE_KEYS.join(', ')}` });
    return z.NEVER;
  });
const participantSchema = z.object({
  id: text.min(1, 'must not be empty'),
  name: optionalText,
  organisation: optionalText,
  role: optionalText,
  stage,
  interests: z.array(text.min(1)).max(5, 'at most 5 interests').default([]),
});
const tableSchema = z.object({
  label: z.union([text.min(1), z.number()]).transform(String),
  seats: z.number().int().min(1, 'at least 1 seat'),
  topic: optionalText,
  hostId: optionalText,
});
const tablesSchema = z.union([
  z.array(tableSchema).min(1, 'at least one table'),
  z.object({ count: z.number().int().min(1), seats: z.number().int().min(1) }),
]);
const instanceSchema = z.object({
  tables: tablesSchema.optional(),
  rounds: z.number().int().min(1).max(100).optional(),
  participants: z.array(participantSchema),
  history: z.array(z.array(z.array(z.string()))).default([]),
  seed: z.number().int().optional(),
});
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

type Participant = z.infer<typeof participantSchema>;

function fieldPath(path: PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

function parseWith<T extends z.ZodType>(schema: T, value: unknown, prefix = ''): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = fieldPath(issue.path);
  throw new InputError(`${prefix}${path ? `${path}: ` : ''}${issue.message}`);
}

/** RFC 4180 fields; a header with semicolons and no commas (German spreadsheets) switches the separator. */
function parseCsv(source: string): string[][] {
  const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
  const separator = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((cell) => cell.trim() !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  row.push(field);
  if (row.some((cell) => cell.trim() !== '')) rows.push(row);
  return rows;
}

const COLUMN_ALIASES: Record<string, string> = {
  id: 'id',
  name: 'name',
  organisation: 'organisation',
  organization: 'organisation',
  org: 'organisation',
  role: 'role',
  rolle: 'role',
  stage: 'stage',
  stufe: 'stage',
  interests: 'interests',
  interessen: 'interests',
};

function participantsFromCsv(source: string): Participant[] {
  const [header, ...rows] = parseCsv(source.replace(/^\uFEFF/, ''));
  if (!header)
    throw new InputError(
      'input: the CSV is empty (expected a header id,name,organisation,role,stage,interests)',
    );
  const columns = header.map((cell) => COLUMN_ALIASES[cell.trim().toLowerCase()] ?? null);
  if (!columns.includes('id'))
    throw new InputError(
      'input: the CSV header has no id column (expected id,name,organisation,role,stage,interests)',
    );
  return rows.map((cells, index) => {
    const record: Record<string, unknown> = {};
    columns.forEach((column, c) => {
      if (column) record[column] = (cells[c] ?? '').trim();
    });
    record.interests = String(record.interests ?? '')
      .split(/[;|]/)
      .map((s) => s.trim())
      .filter(Boolean);
    return parseWith(participantSchema, record, `CSV line ${index + 2}, `);
  });
}

function readInstance(flags: z.infer<typeof flagsSchema>) {
  let source: string;
  try {
    source = readFileSync(flags.input, 'utf8');
  } catch (error) {
    throw new InputError(
      `--input: cannot read ${flags.input} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  const isCsv = flags.input.toLowerCase().endsWith('.csv') || !/^\s*[{[]/.test(source.replace(/^\uFEFF/, ''));
  if (isCsv) {
    if (flags.tables === undefined || flags.seats === undefined)
      throw new InputError('--tables: a CSV of participants needs --tables N --seats K');
    return {
      participants: participantsFromCsv(source),
      tables: undefined,
      rounds: undefined,
      history: [] as Round[],
      seed: undefined,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    throw new InputError(`input: not valid JSON (${(error as Error).message})`);
  }
  return parseWith(instanceSchema, json);
}

function buildTables(
  instance: ReturnType<typeof readInstance>,
  flags: z.infer<typeof flagsSchema>,
): MatchTable[] {
  const spec =
    flags.tables !== undefined && flags.seats !== undefined
      ? { count: flags.tables, seats: flags.seats }
      : instance.tables;
  if (!spec) throw new InputError('tables: required (in the file, or --tables N --seats K)');
  if (!Array.isArray(spec))
    return Array.from({ length: spec.count }, (_, i) => ({
      label: String(i + 1),
      seats: spec.seats,
      topic: null,
      hostId: null,
    }));
  return spec.map((table) => ({
    label: table.label,
    seats: table.seats,
    topic: table.topic,
    hostId: table.hostId,
  }));
}

function render(
  format: 'json' | 'csv' | 'md',
  rounds: Round[],
  tables: MatchTable[],
  people: Participant[],
  metrics: ReturnType<typeof measure>,
): string {
  if (format === 'json') return `${JSON.stringify({ rounds, metrics })}\n`;
  const byId = new Map(people.map((person) => [person.id, person]));
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  const seatsOf = (round: Round) =>
    round
      .flatMap((table, t) =>
        table.map((id) => ({ id, name: nameOf(id), table: tables[t]!.label, topic: tables[t]!.topic })),
      )
      .sort((a, b) => a.name.localeCompare(b.name, 'de') || a.id.localeCompare(b.id));
  if (format === 'csv') {
    const cell = (value: string) => (/[",\n;]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
    const lines = ['round,name,table,topic,id,organisation'];
    rounds.forEach((round, r) => {
      for (const seat of seatsOf(round))
        lines.push(
          [
            String(r + 1),
            seat.name,
            seat.table,
            seat.topic ?? '',
            seat.id,
            byId.get(seat.id)?.organisation ?? '',
          ]
            .map(cell)
            .join(','),
        );
    });
    return `${lines.join('\n')}\n`;
  }
  const escapeCell = (value: string) => value.replaceAll('|', '\\|');
  const parts = rounds.map((round, r) => {
    const rows = seatsOf(round).map(
      (seat) =>
        `| ${escapeCell(seat.name)} | ${escapeCell(seat.table)}${seat.topic ? ` (${escapeCell(seat.topic)})` : ''} |`,
    );
    return [`## Round ${r + 1}`, '', '| Person | Table |', '| --- | --- |', ...rows].join('\n');
  });
  const summary = `Repeat encounters: ${metrics.repeats} · most meetings of one pair: ${metrics.maxMeetings} · colleagues at one table: ${metrics.sameOrgPairs} · role mix ${metrics.roleMix.toFixed(2)} · stage mix ${metrics.stageMix.toFixed(2)} · shared interest ${(metrics.interestHook * 100).toFixed(0)} %`;
  return `# Seating plan\n\n${summary}\n\n${parts.join('\n\n')}\n`;
}

const USAGE = `Plans networking rounds ahead of an event.

  npm run --silent plan -- --input FILE [--rounds R] [--seed S] [--time-ms T]
                           [--tables N --seats K] [--format json|csv|md]

  FILE      a JSON instance (see PRODUCT.md) or a CSV of participants with the header
            id,name,organisation,role,stage,interests (interests separated by ; or |,
            a semicolon-separated file uses | ); a CSV needs --tables and --seats.
  --rounds  how many rounds (default: the file's "rounds", else 1)
  --time-ms search time box (default ${OFFLINE_TIME_MS}; offline, a longer box buys better plans)
  --format  json (default): {"rounds": [...], "metrics": {...}}; csv or md: person → table per round
`;

function main(argv: string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  try {
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
    const flags = parseWith(flagsSchema, values, '--');
    const instance = readInstance(flags);
    const tables = buildTables(instance, flags);
    const people: MatchPerson[] = instance.participants.map((p) => ({
      id: p.id,
      organisation: p.organisation,
      role: p.role,
      stage: p.stage,
      interests: p.interests,
    }));
    const seen = new Set<string>();
    people.forEach((person, i) => {
      if (seen.has(person.id)) throw new InputError(`participants[${i}].id: duplicate id ${person.id}`);
      seen.add(person.id);
    });
    const options = { seed: flags.seed ?? instance.seed ?? 1, timeMs: flags['time-ms'] ?? OFFLINE_TIME_MS };
    const rounds = planSchedule({
      people,
      tables,
      history: instance.history,
      rounds: flags.rounds ?? instance.rounds ?? 1,
      options,
    });
    const metrics = measure(rounds, people, instance.history);
    process.stdout.write(render(flags.format, rounds, tables, instance.participants, metrics));
    return 0;
  } catch (error) {
    if (error instanceof InputError) process.stderr.write(`error: ${error.message}\n`);
    else if (error instanceof CapacityError) process.stderr.write(`error: tables: ${error.message}\n`);
    else throw error;
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
