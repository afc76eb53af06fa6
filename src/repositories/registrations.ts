import { and, asc, eq, isNull } from 'drizzle-orm';
import { type Tables, tablesOf } from '../db/handle.js';
import type { RegistrationRow } from '../db/schema/index.js';
import type { DbLike } from './db-types.js';

export type RegistrationInsert = Tables['registrations']['$inferInsert'];

export async function registrationsOf(tx: DbLike, eventId: string): Promise<RegistrationRow[]> {
  const { registrations } = tablesOf(tx);
  return tx
    .select()
    .from(registrations)
    .where(eq(registrations.eventId, eventId))
    .orderBy(asc(registrations.displayName), asc(registrations.ticketId));
}

export async function insertRegistration(tx: DbLike, values: RegistrationInsert): Promise<void> {
  const { registrations } = tablesOf(tx);
  await tx.insert(registrations).values(values);
}

export async function updateRegistration(
  tx: DbLike,
  id: string,
  values: Partial<RegistrationInsert>,
): Promise<void> {
  const { registrations } = tablesOf(tx);
  await tx.update(registrations).set(values).where(eq(registrations.id, id));
}

export async function findRegistrationById(tx: DbLike, id: string): Promise<RegistrationRow | undefined> {
  const { registrations } = tablesOf(tx);
  const [row] = await tx.select().from(registrations).where(eq(registrations.id, id));
  return row;
}

export async function findRegistrationByClaim(
  tx: DbLike,
  claimHash: string,
): Promise<RegistrationRow | undefined> {
  const { registrations } = tablesOf(tx);
  const [row] = await tx.select().from(registrations).where(eq(registrations.claimHash, claimHash));
  return row;
}

/** The expected people who have not claimed their profile; claimed ones are participants now. */
export async function deleteUnclaimed(tx: DbLike, eventId: string): Promise<number> {
  const { registrations } = tablesOf(tx);
  const deleted = await tx
    .delete(registrations)
    .where(and(eq(registrations.eventId, eventId), isNull(registrations.participantId)))
    .returning({ id: registrations.id });
  return deleted.length;
}
