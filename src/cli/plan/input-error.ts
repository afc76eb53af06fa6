import type { z } from 'zod';

/** Bad input to the plan command: main prints its message as one line and exits with code 2. */
export class InputError extends Error {}

function fieldPath(path: PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

/** Parses with zod; the first issue becomes an InputError naming the field, e.g. `tables[0].seats: …`. */
export function parseWith<T extends z.ZodType>(schema: T, value: unknown, prefix = ''): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = fieldPath(issue.path);
  throw new InputError(`${prefix}${path ? `${path}: ` : ''}${issue.message}`);
}
