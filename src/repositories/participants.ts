import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/handle.js';
import { isPostgres, type Tables, tablesOf } from '../db/handle.js';
import type { ParticipantRow } from '../db/schema/index.js';
import { hashSecret } from '../security/tokens.js';
import type { DbLike } from './db-types.js';
import { prepared, withDefaults } from './prepared.js';

export type ParticipantInsert = Tables['participants']['$inferInsert'];

export async function insertParticipant(tx: DbLike, values: ParticipantInsert): Promise<ParticipantRow> {
  const { participants } = tablesOf(tx);
  const [row] = await prepared(tx).insertParticipant.execute(withDefaults(participants, values));
  return row!;
}

/**
 * Many people (the joins of one batch into one event), in the order given: on PostgreSQL in one
 * statement (one round trip), on SQLite by the prepared insert, which costs less there than building
 * a statement of many rows each time.
 */
export async function insertParticipants(tx: DbLike, values: ParticipantInsert[]): Promise<ParticipantRow[]> {
  if (!isPostgres(tx)) {
    const rows: ParticipantRow[] = [];
    for (const v of values) rows.push(await insertParticipant(tx, v));
    return rows;
  }
  const { participants } = tablesOf(tx);
  const rows = await tx
    .insert(participants)
    .values(values.map((v) => withDefaults(participants, v) as ParticipantInsert))
    .returning();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return values.map((v) => byId.get(v.id)!);
}

export async function updateParticipant(
  tx: DbLike,
  eventId: string,
  participantId: string,
  values: Partial<ParticipantInsert>,
): Promise<ParticipantRow | undefined> {
  const { participants } = tablesOf(tx);
  const [row] = await tx
    .update(participants)
    .set(values)
    .where(and(eq(participants.id, participantId), eq(participants.eventId, eventId)))
    .returning();
  return row;
}

/** The person's row and, through the foreign keys, their seats; a table they hosted keeps no host. */
export async function deleteParticipant(
  tx: DbLike,
  eventId: string,
  participantId: string,
): Promise<boolean> {
  const { participants } = tablesOf(tx);
  await clearHosting(tx, participantId);
  const deleted = await tx
    .delete(participants)
    .where(and(eq(participants.id, participantId), eq(participants.eventId, eventId)))
    .returning({ id: participants.id });
  return deleted.length > 0;
}

export async function clearHosting(tx: DbLike, participantId: string): Promise<void> {
  const { eventTables } = tablesOf(tx);
  await tx
    .update(eventTables)
    .set({ hostParticipantId: null })
    .where(eq(eventTables.hostParticipantId, participantId));
}

export async function setHost(tx: DbLike, tableId: number, participantId: string | null): Promise<void> {
  const { eventTables } = tablesOf(tx);
  await tx.update(eventTables).set({ hostParticipantId: participantId }).where(eq(eventTables.id, tableId));
}

export async function participantCount(tx: DbLike, eventId: string): Promise<number> {
  const [row] = await prepared(tx).participantCount.execute({ eventId });
  return row!.n;
}

export async function findByRequestKey(
  tx: DbLike,
  eventId: string,
  requestKeyHash: string,
): Promise<{ id: string } | undefined> {
  const [row] = await prepared(tx).participantByRequestKey.execute({ eventId, hash: requestKeyHash });
  return row;
}

/** The people some request keys joined before, by key hash: one look-up for a whole batch. */
export async function findByRequestKeys(
  tx: DbLike,
  eventId: string,
  requestKeyHashes: string[],
): Promise<Map<string, string>> {
  if (requestKeyHashes.length === 0) return new Map();
  const { participants } = tablesOf(tx);
  const rows = await tx
    .select({ id: participants.id, hash: participants.requestKeyHash })
    .from(participants)
    .where(and(eq(participants.eventId, eventId), inArray(participants.requestKeyHash, requestKeyHashes)));
  return new Map(rows.map((r) => [r.hash!, r.id]));
}

export async function findParticipantByToken(db: Db, token: string): Promise<ParticipantRow | undefined> {
  const [row] = await prepared(db).participantByTokenHash.execute({ hash: hashSecret(token) });
  return row;
}

export async function insertKnownPair(
  tx: DbLike,
  eventId: string,
  markedBy: string,
  other: string,
): Promise<void> {
  const { knownPairs } = tablesOf(tx);
  await tx.insert(knownPairs).values({ eventId, markedBy, other }).onConflictDoNothing();
}

export async function deleteKnownPair(tx: DbLike, markedBy: string, other: string): Promise<void> {
  const { knownPairs } = tablesOf(tx);
  await tx.delete(knownPairs).where(and(eq(knownPairs.markedBy, markedBy), eq(knownPairs.other, other)));
}
