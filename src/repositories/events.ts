import { and, eq, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import {
  type EventRow,
  events,
  eventTables,
  moderatorActions,
  participants,
  rounds,
} from '../db/schema/index.js';
import type { TableChanges } from '../domain/table-changes.js';
import { newId } from '../security/tokens.js';
import type { DbLike, Tx } from './db-types.js';
import { keptPerDatabase } from './kept-reads.js';
import { prepared } from './prepared.js';

export type EventInsert = typeof events.$inferInsert;
export type EventSettings = Partial<
  Pick<EventInsert, 'title' | 'language' | 'minutesPerRound' | 'plannedRounds' | 'joinOpen' | 'matching'>
>;

/** Raises the event's version: realtime pushes carry it, and every committed change raises it. */
export function raiseVersion(tx: DbLike, eventId: string, now: number): void {
  tx.update(events)
    .set({ version: sql`${events.version} + 1`, updatedAt: new Date(now) })
    .where(eq(events.id, eventId))
    .run();
}

/** The moderator's log: ids and numbers only, never names. */
export function logAction(
  tx: DbLike,
  eventId: string,
  now: number,
  action: string,
  details: Record<string, unknown>,
): void {
  tx.insert(moderatorActions)
    .values({ eventId, at: new Date(now), action, details })
    .run();
}

export function insertEvent(tx: DbLike, values: EventInsert): void {
  tx.insert(events).values(values).run();
}

export function updateEventRow(tx: DbLike, eventId: string, values: Partial<EventInsert>): void {
  tx.update(events).set(values).where(eq(events.id, eventId)).run();
}

export function insertTables(
  tx: DbLike,
  eventId: string,
  inserts: TableChanges['inserts'],
  now: number,
): void {
  for (const spec of inserts) {
    let hostParticipantId: string | null = null;
    if (spec.host) {
      hostParticipantId = newId();
      tx.insert(participants)
        .values({ id: hostParticipantId, eventId, ...spec.host, walkIn: true, joinedAt: new Date(now) })
        .run();
    }
    tx.insert(eventTables)
      .values({
        eventId,
        position: spec.position,
        label: spec.label,
        seats: spec.seats,
        topic: spec.topic,
        features: spec.features,
        hostParticipantId,
      })
      .run();
  }
}

/** Applies a planned layout; positions are parked first, since (event, position) is unique. */
export function applyTableChanges(tx: Tx, eventId: string, changes: TableChanges, now: number): void {
  for (const id of changes.removals) tx.delete(eventTables).where(eq(eventTables.id, id)).run();
  for (const t of changes.updates) {
    tx.update(eventTables).set({ position: -t.id }).where(eq(eventTables.id, t.id)).run();
  }
  for (const { id, ...fields } of changes.updates)
    tx.update(eventTables).set(fields).where(eq(eventTables.id, id)).run();
  insertTables(tx, eventId, changes.inserts, now);
}

/** Who the event is and whether it takes joins: all a join asks before its batch reads the row. */
export function findEventHeadByCode(db: Db, code: string) {
  return prepared(db).eventHeadByCode.get({ code });
}

/** Events whose row is kept for look-ups by code; the least recently asked goes first. */
const rowsByCode = keptPerDatabase<EventRow>(256);

/**
 * Every request names its event by code, a join three times (limits, route, batch): the row (its
 * catalogue parsed) is read once per version, and a look at the version says whether it still is.
 * The id is part of the stamp: an erased event's code may name a new event. Shared: never change it.
 */
export function findEventByCode(db: Db, code: string): EventRow | undefined {
  const queries = prepared(db);
  const head = queries.eventHeadByCode.get({ code });
  return rowsByCode(db).read(code, head && `${head.id}:${head.version}`, () =>
    queries.eventByCode.get({ code }),
  );
}

export function findEventById(db: DbLike, eventId: string) {
  return prepared(db).eventById.get({ id: eventId });
}

export function endRoundRow(tx: DbLike, roundId: number, now: number): void {
  tx.update(rounds)
    .set({ status: 'ended', endedAt: new Date(now) })
    .where(eq(rounds.id, roundId))
    .run();
}

export function deleteEvent(db: DbLike, eventId: string): void {
  db.delete(events).where(eq(events.id, eventId)).run();
}

/** Events whose retention has run out: finished (or, if never finished, last changed) before the cutoff. */
export function expiredEventIds(db: Db, cutoff: number): string[] {
  return db
    .select({ id: events.id })
    .from(events)
    .where(
      or(
        and(isNotNull(events.finishedAt), lt(events.finishedAt, new Date(cutoff))),
        and(eq(events.status, 'active'), lt(events.updatedAt, new Date(cutoff))),
      ),
    )
    .all()
    .map((r) => r.id);
}
