import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import type { ParticipantRow } from '../db/schema/index.js';
import { eventTables, knownPairs, participants } from '../db/schema/index.js';
import { hashSecret } from '../security/tokens.js';
import type { DbLike } from './db-types.js';
import { prepared, withDefaults } from './prepared.js';

export type ParticipantInsert = typeof participants.$inferInsert;

export function insertParticipant(tx: DbLike, values: ParticipantInsert): ParticipantRow {
  return prepared(tx).insertParticipant.get(withDefaults(participants, values))!;
}

export function updateParticipant(
  tx: DbLike,
  eventId: string,
  participantId: string,
  values: Partial<ParticipantInsert>,
): ParticipantRow | undefined {
  return tx
    .update(participants)
    .set(values)
    .where(and(eq(participants.id, participantId), eq(participants.eventId, eventId)))
    .returning()
    .get();
}

/** The person's row and, through the foreign keys, their seats; a table they hosted keeps no host. */
export function deleteParticipant(tx: DbLike, eventId: string, participantId: string): boolean {
  clearHosting(tx, participantId);
  const deleted = tx
    .delete(participants)
    .where(and(eq(participants.id, participantId), eq(participants.eventId, eventId)))
    .returning({ id: participants.id })
    .get();
  return deleted !== undefined;
}

export function clearHosting(tx: DbLike, participantId: string): void {
  tx.update(eventTables)
    .set({ hostParticipantId: null })
    .where(eq(eventTables.hostParticipantId, participantId))
    .run();
}

export function setHost(tx: DbLike, tableId: number, participantId: string | null): void {
  tx.update(eventTables).set({ hostParticipantId: participantId }).where(eq(eventTables.id, tableId)).run();
}

export function participantCount(tx: DbLike, eventId: string): number {
  return prepared(tx).participantCount.get({ eventId })!.n;
}

export function findByRequestKey(tx: DbLike, eventId: string, requestKeyHash: string) {
  return prepared(tx).participantByRequestKey.get({ eventId, hash: requestKeyHash });
}

export function findParticipantByToken(db: Db, token: string) {
  return prepared(db).participantByTokenHash.get({ hash: hashSecret(token) });
}

export function insertKnownPair(tx: DbLike, eventId: string, markedBy: string, other: string): void {
  tx.insert(knownPairs).values({ eventId, markedBy, other }).onConflictDoNothing().run();
}

export function deleteKnownPair(tx: DbLike, markedBy: string, other: string): void {
  tx.delete(knownPairs)
    .where(and(eq(knownPairs.markedBy, markedBy), eq(knownPairs.other, other)))
    .run();
}
