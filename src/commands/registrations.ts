import type { Catalogue } from '../domain/catalogue.js';
import { type ImportMapping, suggestMapping, unknownColumns } from '../domain/import/mapping.js';
import {
  type ImportedPerson,
  mapRows,
  type RowError,
  type UnknownValue,
  type ValueMap,
} from '../domain/import/rows.js';
import { type ImportTable, readImportFile } from '../domain/import/table.js';
import { assertActive } from '../domain/round-rules.js';
import { unprocessable } from '../errors.js';
import type { DbLike } from '../repositories/db-types.js';
import {
  deleteUnclaimed,
  insertRegistration,
  registrationsOf,
  updateRegistration,
} from '../repositories/registrations.js';
import { claimHashOf } from '../security/claim-links.js';
import { newId } from '../security/tokens.js';
import { type CommandContext, commit } from './unit-of-work.js';

export interface ImportRequest {
  content: string;
  mapping?: ImportMapping | undefined;
  values?: ValueMap | undefined;
}

type RowStatus = 'new' | 'update' | 'claimed';

export interface ImportPlan {
  format: ImportTable['format'];
  columns: string[];
  /** Null when no ticket column was recognised: the moderator maps the columns by hand. */
  mapping: ImportMapping | null;
  people: (ImportedPerson & { status: RowStatus })[];
  errors: RowError[];
  unknown: UnknownValue[];
  skipped: number;
}

/** Reads the file and maps it; what an import would do, row by row. Writes nothing. */
export async function planImport(
  tx: DbLike,
  eventId: string,
  catalogue: Catalogue,
  request: ImportRequest,
): Promise<ImportPlan> {
  const table = readImportFile(request.content);
  const mapping = request.mapping ?? suggestMapping(table.columns);
  if (!mapping) {
    return {
      format: table.format,
      columns: table.columns,
      mapping: null,
      people: [],
      errors: [],
      unknown: [],
      skipped: 0,
    };
  }
  const missing = unknownColumns(mapping, table.columns);
  if (missing.length > 0) {
    throw unprocessable(
      'import_unknown_column',
      `The file has no column ${missing.map((c) => `"${c}"`).join(', ')}.`,
      missing.map((c) => ({ line: null, field: 'mapping', message: c })),
    );
  }
  const mapped = mapRows(table, mapping, catalogue, request.values);
  const existing = new Map((await registrationsOf(tx, eventId)).map((r) => [r.ticketId, r]));
  const people = mapped.people.map((p) => {
    const earlier = existing.get(p.ticketId);
    const status: RowStatus = !earlier ? 'new' : earlier.participantId ? 'claimed' : 'update';
    return { ...p, status };
  });
  return { format: table.format, columns: table.columns, mapping, ...mapped, people };
}

/**
 * All rows or none: any row error refuses the whole file. A ticket id seen before updates that
 * registration; one already claimed keeps what its owner checked.
 */
export async function importRegistrations(
  ctx: CommandContext,
  eventId: string,
  serverKey: string,
  request: ImportRequest,
) {
  return commit(ctx, eventId, 'import_registrations', async (tx, state) => {
    assertActive(state);
    const plan = await planImport(tx, eventId, state.event.catalogue, request);
    if (!plan.mapping) {
      throw unprocessable('import_mapping_needed', 'Say which column holds the ticket id and the name.');
    }
    if (plan.errors.length > 0) {
      throw unprocessable(
        'import_invalid',
        `${plan.errors.length} problem(s) in the file; nothing was imported.`,
        plan.errors,
      );
    }
    const byTicket = new Map((await registrationsOf(tx, eventId)).map((r) => [r.ticketId, r]));
    const counts = { created: 0, updated: 0, claimed: 0 };
    for (const person of plan.people) {
      const earlier = byTicket.get(person.ticketId);
      if (earlier?.participantId) counts.claimed += 1;
      else if (earlier) {
        await updateRegistration(tx, earlier.id, fields(person));
        counts.updated += 1;
      } else {
        const id = newId();
        await insertRegistration(tx, {
          id,
          eventId,
          ticketId: person.ticketId,
          claimHash: claimHashOf(serverKey, eventId, id),
          ...fields(person),
          importedAt: new Date(ctx.now()),
        });
        counts.created += 1;
      }
    }
    const result = { ...counts, skipped: plan.skipped, unknown: plan.unknown.length };
    return { result, details: result };
  });
}

function fields(p: ImportedPerson) {
  return {
    displayName: p.displayName,
    organisation: p.organisation,
    email: p.email,
    role: p.role,
    stage: p.stage,
    interests: p.interests,
  };
}

/** The moderator's "erase the expected list": everyone who has not claimed their profile. */
export async function eraseExpected(ctx: CommandContext, eventId: string): Promise<number> {
  return commit(ctx, eventId, 'erase_expected', async (tx) => {
    const erased = await deleteUnclaimed(tx, eventId);
    return { result: erased, details: { erased }, unchanged: erased === 0 };
  });
}
