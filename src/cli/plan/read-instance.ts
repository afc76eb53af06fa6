import { readFileSync } from 'node:fs';
import type { MatchPerson, MatchTable, Round } from '../../matching/index.js';
import type { PlanFlags } from './arguments.js';
import { InputError, parseWith } from './input-error.js';
import { instanceSchema, type Participant } from './instance-schema.js';
import { participantsFromCsv } from './participants-csv.js';

/** The --input file as an instance: a JSON instance, or a CSV of participants (tables then come from flags). */
export function readInstance(flags: PlanFlags) {
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

export type ReadInstance = ReturnType<typeof readInstance>;

/** --tables N --seats K win over the file's tables; `{count, seats}` becomes tables labelled 1..N. */
export function buildTables(instance: ReadInstance, flags: PlanFlags): MatchTable[] {
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

/** The engine's view of the participants (names stay out of it); a repeated id is an InputError. */
export function matchPeople(participants: Participant[]): MatchPerson[] {
  const people: MatchPerson[] = participants.map((p) => ({
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
  return people;
}
