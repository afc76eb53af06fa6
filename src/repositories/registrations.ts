import { and, asc, eq, isNull } from 'drizzle-orm';
import { type RegistrationRow, registrations } from '../db/schema/index.js';
import type { DbLike } from './db-types.js';

export type RegistrationInsert = typeof registrations.$inferInsert;

export function registrationsOf(tx: DbLike, eventId: string): RegistrationRow[] {
  return tx
    .select()
    .from(registrations)
    .where(eq(registrations.eventId, eventId))
    .orderBy(asc(registrations.displayName), asc(registrations.ticketId))
    .all();
}

export function insertRegistration(tx: DbLike, values: RegistrationInsert): void {
  tx.insert(registrations).values(values).run();
}

export function updateRegistration(tx: DbLike, id: string, values: Partial<RegistrationInsert>): void {
  tx.update(registrations).set(values).where(eq(registrations.id, id)).run();
}

export function findRegistrationById(tx: DbLike, id: string): RegistrationRow | undefined {
  return tx.select().from(registrations).where(eq(registrations.id, id)).get();
}

export function findRegistrationByClaim(tx: DbLike, claimHash: string): RegistrationRow | undefined {
  return tx.select().from(registrations).where(eq(registrations.claimHash, claimHash)).get();
}

/** The expected people who have not claimed their profile; claimed ones are participants now. */
export function deleteUnclaimed(tx: DbLike, eventId: string): number {
  return tx
    .delete(registrations)
    .where(and(eq(registrations.eventId, eventId), isNull(registrations.participantId)))
    .returning({ id: registrations.id })
    .all().length;
}
