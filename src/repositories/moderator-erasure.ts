import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { eventTables, participants } from '../db/schema/index.js';
import { liveRound } from '../domain/event-state.js';
import { conflict } from '../errors.js';
import { mutateEvent } from './events.js';

/** Whether the id names a person of this event: a moderator may erase only their own event's people. */
export function isParticipantOf(db: Db, eventId: string, participantId: string): boolean {
  const row = db
    .select({ id: participants.id })
    .from(participants)
    .where(and(eq(participants.eventId, eventId), eq(participants.id, participantId)))
    .get();
  return row !== undefined;
}

/**
 * Removes every simulated person in one transaction. Refused during a live round, where it would empty
 * seats under the real people. Simulated people carry no personal data, so no physical erasure is needed.
 */
export function eraseRehearsalPeople(db: Db, eventId: string, now: number): number {
  return mutateEvent(db, eventId, now, 'erase_rehearsal', (tx, state) => {
    if (liveRound(state)) throw conflict('round_live', 'A round is running. End it first.');
    const ids = state.participants.filter((p) => p.simulated).map((p) => p.id);
    if (ids.length > 0) {
      tx.update(eventTables)
        .set({ hostParticipantId: null })
        .where(and(eq(eventTables.eventId, eventId), inArray(eventTables.hostParticipantId, ids)))
        .run();
      tx.delete(participants)
        .where(and(eq(participants.eventId, eventId), eq(participants.simulated, true)))
        .run();
    }
    return { result: ids.length, details: { removed: ids.length } };
  });
}
