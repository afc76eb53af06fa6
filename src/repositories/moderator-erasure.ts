import { and, eq, inArray } from 'drizzle-orm';
import { tablesOf } from '../db/handle.js';
import type { DbLike } from './db-types.js';

/** Whether the id names a person of this event: a moderator may erase only their own event's people. */
export async function isParticipantOf(db: DbLike, eventId: string, participantId: string): Promise<boolean> {
  const { participants } = tablesOf(db);
  const rows = await db
    .select({ id: participants.id })
    .from(participants)
    .where(and(eq(participants.eventId, eventId), eq(participants.id, participantId)));
  return rows.length > 0;
}

/** Deletes the simulated people among `ids`; tables they hosted keep no host. */
export async function deleteSimulated(tx: DbLike, eventId: string, ids: string[]): Promise<void> {
  const { eventTables, participants } = tablesOf(tx);
  if (ids.length === 0) return;
  await tx
    .update(eventTables)
    .set({ hostParticipantId: null })
    .where(and(eq(eventTables.eventId, eventId), inArray(eventTables.hostParticipantId, ids)));
  await tx
    .delete(participants)
    .where(and(eq(participants.eventId, eventId), eq(participants.simulated, true)));
}
