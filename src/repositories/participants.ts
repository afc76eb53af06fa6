import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/handle.js';
import { type Tables, tablesOf } from '../db/handle.js';
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
