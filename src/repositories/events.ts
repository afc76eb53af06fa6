import { and, eq, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/handle.js';
import { type Tables, tablesOf } from '../db/handle.js';
import type { EventRow } from '../db/schema/index.js';
import type { TableChanges } from '../domain/table-changes.js';
import { newId } from '../security/tokens.js';
import type { DbLike, Tx } from './db-types.js';
import { keptPerDatabase } from './kept-reads.js';
import { prepared } from './prepared.js';

export type EventInsert = Tables['events']['$inferInsert'];
export type EventSettings = Partial<
  Pick<EventInsert, 'title' | 'language' | 'minutesPerRound' | 'plannedRounds' | 'joinOpen' | 'matching'>
>;

/** Raises the event's version: realtime pushes carry it, and every committed change raises it. */
export async function raiseVersion(tx: DbLike, eventId: string, now: number): Promise<void> {
  const { events } = tablesOf(tx);
  await tx
    .update(events)
    .set({ version: sql`${events.version} + 1`, updatedAt: new Date(now) })
    .where(eq(events.id, eventId));
}

/** The moderator's log: ids and numbers only, never names. */
export async function logAction(
  tx: DbLike,
  eventId: string,
  now: number,
  action: string,
  details: Record<string, unknown>,
): Promise<void> {
  const { moderatorActions } = tablesOf(tx);
  await tx.insert(moderatorActions).values({ eventId, at: new Date(now), action, details });
}

export async function insertEvent(tx: DbLike, values: EventInsert): Promise<void> {
  const { events } = tablesOf(tx);
  await tx.insert(events).values(values);
}

export async function updateEventRow(
  tx: DbLike,
  eventId: string,
  values: Partial<EventInsert>,
): Promise<void> {
  const { events } = tablesOf(tx);
  await tx.update(events).set(values).where(eq(events.id, eventId));
}

export async function insertTables(
  tx: DbLike,
  eventId: string,
  inserts: TableChanges['inserts'],
  now: number,
): Promise<void> {
  const { eventTables, participants } = tablesOf(tx);
  for (const spec of inserts) {
    let hostParticipantId: string | null = null;
    if (spec.host) {
      hostParticipantId = newId();
      await tx
        .insert(participants)
        .values({ id: hostParticipantId, eventId, ...spec.host, walkIn: true, joinedAt: new Date(now) });
    }
    await tx.insert(eventTables).values({
      eventId,
      position: spec.position,
      label: spec.label,
      seats: spec.seats,
      topic: spec.topic,
      features: spec.features,
      hostParticipantId,
    });
  }
}

/** Applies a planned layout; positions are parked first, since (event, position) is unique. */
export async function applyTableChanges(
  tx: Tx,
  eventId: string,
  changes: TableChanges,
  now: number,
): Promise<void> {
  const { eventTables } = tablesOf(tx);
  for (const id of changes.removals) await tx.delete(eventTables).where(eq(eventTables.id, id));
  for (const t of changes.updates) {
    await tx.update(eventTables).set({ position: -t.id }).where(eq(eventTables.id, t.id));
  }
  for (const { id, ...fields } of changes.updates)
    await tx.update(eventTables).set(fields).where(eq(eventTables.id, id));
  await insertTables(tx, eventId, changes.inserts, now);
}

/** Who the event is and whether it takes joins: all a join asks before its batch reads the row. */
export async function findEventHeadByCode(db: Db, code: string) {
  const [head] = await prepared(db).eventHeadByCode.execute({ code });
  return head;
}

/** Events whose row is kept for look-ups by code; the least recently asked goes first. */
const rowsByCode = keptPerDatabase<EventRow>(256, (row) => `${row.id}:${row.version}`);

/**
 * Every request names its event by code, a join three times (limits, route, batch): the row (its
 * catalogue parsed) is read once per version, and a look at the version says whether it still is.
 * The id is part of the stamp: an erased event's code may name a new event. Shared: never change it.
 */
export async function findEventByCode(db: Db, code: string): Promise<EventRow | undefined> {
  const queries = prepared(db);
  const head = await findEventHeadByCode(db, code);
  return rowsByCode(db).read(code, head && `${head.id}:${head.version}`, async () => {
    const [row] = await queries.eventByCode.execute({ code });
    return row;
  });
}

/** What a batch of joins needs of its event: the row, how many have joined, whether a round is live. */
export interface JoinTargetRow {
  event: EventRow | undefined;
  count: number;
  live: boolean;
}

/**
 * The event a batch of joins goes into, read in one statement. On PostgreSQL it also takes the
 * event's row lock (the one `Store.lockEvent` takes), so the batch, which holds that lock to its
 * commit, spends one round trip less in it; SQLite's one writing connection needs no lock.
 */
export async function lockEventForJoins(tx: DbLike, eventId: string): Promise<JoinTargetRow> {
  const [row] = await prepared(tx).joinTarget.execute({ eventId });
  return row
    ? { event: row.event, count: row.count, live: Boolean(row.live) }
    : { event: undefined, count: 0, live: false };
}

export async function findEventById(db: DbLike, eventId: string): Promise<EventRow | undefined> {
  const [row] = await prepared(db).eventById.execute({ id: eventId });
  return row;
}

export async function endRoundRow(tx: DbLike, roundId: number, now: number): Promise<void> {
  const { rounds } = tablesOf(tx);
  await tx
    .update(rounds)
    .set({ status: 'ended', endedAt: new Date(now) })
    .where(eq(rounds.id, roundId));
}

export async function deleteEvent(db: DbLike, eventId: string): Promise<void> {
  const { events } = tablesOf(db);
  await db.delete(events).where(eq(events.id, eventId));
}

/** Events whose retention has run out: finished (or, if never finished, last changed) before the cutoff. */
export async function expiredEventIds(db: Db, cutoff: number): Promise<string[]> {
  const { events } = tablesOf(db);
  const rows = await db
    .select({ id: events.id })
    .from(events)
    .where(
      or(
        and(isNotNull(events.finishedAt), lt(events.finishedAt, new Date(cutoff))),
        and(eq(events.status, 'active'), lt(events.updatedAt, new Date(cutoff))),
      ),
    );
  return rows.map((r) => r.id);
}
