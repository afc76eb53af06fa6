import { z } from 'zod';
import type { Catalogue } from '../catalogue.js';
import { normaliseText } from '../text.js';
import type { ImportMapping } from './mapping.js';
import type { ImportTable } from './table.js';

/** The moderator's answers for values the catalogue does not know: file value → catalogue key (or null: ignore). */
export const valueMapInput = z
  .object({
    role: z.record(z.string().max(200), z.string().max(40).nullable()),
    stage: z.record(z.string().max(200), z.string().max(40).nullable()),
    interests: z.record(z.string().max(200), z.string().max(40).nullable()),
  })
  .partial()
  .strict();
export type ValueMap = z.infer<typeof valueMapInput>;

export interface ImportedPerson {
  line: number;
  ticketId: string;
  displayName: string;
  organisation: string | null;
  email: string | null;
  role: string | null;
  stage: number | null;
  interests: string[];
}

/** A row the import refuses: nothing of the file is imported while there is one. */
export interface RowError {
  line: number;
  field: string;
  problem: 'missing' | 'too_long' | 'duplicate';
  message: string;
}

/** A value the catalogue does not know: flagged, left empty for the person to choose, never guessed. */
export interface UnknownValue {
  line: number;
  field: 'role' | 'stage' | 'interests' | 'email';
  value: string;
}

const LIMITS = { ticketId: 100, displayName: 60, organisation: 100, email: 200 };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Status words of cancelled or expired orders in pretix's English and German exports. */
const NOT_ATTENDING = /^(canceled|cancelled|storniert|expired|abgelaufen|refunded|erstattet)$/i;

const fold = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('de');

function matcher(entries: { key: string; names: string[] }[]) {
  const byName = new Map<string, string>();
  for (const e of entries) for (const n of [e.key, ...e.names]) byName.set(fold(n), e.key);
  return (value: string) => byName.get(fold(value));
}

export function mapRows(
  table: ImportTable,
  mapping: ImportMapping,
  catalogue: Catalogue,
  values: ValueMap = {},
) {
  const role = matcher(catalogue.roles.map((r) => ({ key: r.key, names: [r.label.de, r.label.en] })));
  const stage = matcher(
    catalogue.stages.map((s) => ({
      key: s.key,
      names: [String(s.value), s.label.de, s.label.en, s.description.de, s.description.en],
    })),
  );
  const interest = matcher(catalogue.interests.map((i) => ({ key: i.key, names: [i.label.de, i.label.en] })));
  const stageValue = new Map(catalogue.stages.map((s) => [s.key, s.value]));
  const known = (keys: string[]) => (v: string | null | undefined) =>
    v != null && keys.includes(v) ? v : undefined;
  const roleKeys = known(catalogue.roles.map((r) => r.key));
  const stageKeys = known(catalogue.stages.map((s) => s.key));
  const interestKeys = known(catalogue.interests.map((i) => i.key));

  const people: ImportedPerson[] = [];
  const errors: RowError[] = [];
  const unknown: UnknownValue[] = [];
  const seen = new Map<string, number>();
  let skipped = table.skipped;

  for (const { line, cells } of table.rows) {
    const cell = (column: string | undefined) => (column ? (cells[column] ?? '').trim() : '');
    if (mapping.status && NOT_ATTENDING.test(cell(mapping.status))) {
      skipped += 1;
      continue;
    }
    const rowErrors: RowError[] = [];
    const text = (field: keyof typeof LIMITS, raw: string, required: boolean) => {
      const clean = normaliseText(raw, 10_000);
      if (required && clean === '')
        rowErrors.push({ line, field, problem: 'missing', message: `${field} is empty` });
      if (Array.from(clean).length > LIMITS[field]) {
        rowErrors.push({
          line,
          field,
          problem: 'too_long',
          message: `${field} is longer than ${LIMITS[field]}`,
        });
      }
      return clean === '' ? null : clean;
    };
    const ticketId = text('ticketId', mapping.ticket.map(cell).filter(Boolean).join('-'), true);
    const fullName = mapping.name
      ? cell(mapping.name)
      : `${cell(mapping.givenName)} ${cell(mapping.familyName)}`;
    const displayName = text('displayName', fullName, true);
    const organisation = text('organisation', cell(mapping.organisation), false);
    let email = text('email', cell(mapping.email), false);
    if (email && !EMAIL.test(email)) {
      unknown.push({ line, field: 'email', value: email });
      email = null;
    }
    if (ticketId) {
      const first = seen.get(ticketId);
      if (first !== undefined) {
        rowErrors.push({
          line,
          field: 'ticketId',
          problem: 'duplicate',
          message: `same ticket id as line ${first}`,
        });
      } else seen.set(ticketId, line);
    }

    const choose = (
      field: 'role' | 'stage' | 'interests',
      raw: string,
      find: (v: string) => string | undefined,
      keys: (v: string | null | undefined) => string | undefined,
    ) => {
      if (raw === '') return undefined;
      const mapped = values[field]?.[raw];
      if (mapped === null) return undefined;
      const key = keys(mapped) ?? find(raw);
      if (!key) unknown.push({ line, field, value: raw });
      return key;
    };
    const roleKey = choose('role', cell(mapping.role), role, roleKeys);
    const stageKey = choose('stage', cell(mapping.stage), stage, stageKeys);
    const interests = [
      ...new Set(
        splitChoices(cell(mapping.interests), (v) => values.interests?.[v] !== undefined || !!interest(v))
          .map((v) => choose('interests', v, interest, interestKeys))
          .filter((k): k is string => k !== undefined),
      ),
    ].slice(0, 5);

    errors.push(...rowErrors);
    if (rowErrors.length > 0 || !ticketId || !displayName) continue;
    people.push({
      line,
      ticketId,
      displayName,
      organisation,
      email,
      role: roleKey ?? null,
      stage: stageKey === undefined ? null : (stageValue.get(stageKey) ?? null),
      interests,
    });
  }
  return { people, errors, unknown, skipped };
}

/**
 * pretix joins the answers of a multiple-choice question with ", "; a label may hold a comma itself
 * ("Beiträge, Sponsoring, Förderung"), so neighbouring parts are joined back where that makes a known value.
 */
function splitChoices(raw: string, isKnown: (value: string) => boolean): string[] {
  const parts = raw
    .split(/[,;|\n]/)
    .map((v) => v.trim())
    .filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    let end = i;
    for (let j = parts.length - 1; j > i; j -= 1) {
      if (isKnown(parts.slice(i, j + 1).join(', '))) {
        end = j;
        break;
      }
    }
    out.push(parts.slice(i, end + 1).join(', '));
    i = end;
  }
  return out;
}
