import { and, eq, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { events, eventTables, moderatorActions, participants, rounds } from '../db/schema/index.js';
import { catalogueTemplate } from '../domain/catalogue.js';
import { assertInCatalogue, assertTopicsInCatalogue } from '../domain/catalogue-rules.js';
import type { EventState } from '../domain/event-state.js';
import { liveRound } from '../domain/event-state.js';
import type { CreateEventInput, TablesInput, UpdateEventInput } from '../domain/inputs.js';
import { planTableChanges, type TableChanges } from '../domain/table-changes.js';
import { conflict } from '../errors.js';
import { hashSecret, newId, newJoinCode, newSecret } from '../security/tokens.js';
import type { DbLike, Tx } from './db-types.js';
import { erasePhysically } from './erasure.js';
import { loadEventState } from './event-state.js';

export interface CreatedEvent {
  id: string;
  code: string;
  moderatorSecret: string;
  screenSecret: string;
}

/** Every change to an event goes through here: one transaction, the version raised, the action logged. */
export function mutateEvent<R>(
  db: Db,
  eventId: string,
  now: number,
  action: string,
  change: (tx: Tx, state: EventState) => { result: R; details?: Record<string, unknown> },
): R {
  return db.transaction((tx) => {
    const state = loadEventState(tx, eventId);
    if (!state) throw conflict('event_gone', 'The event no longer exists.');
    const { result, details } = change(tx, state);
    recordChange(tx, eventId, now, action, details);
    return result;
  });
}

/** Raises the event's version (realtime pushes carry it) and, with details, logs the moderator's action. */
export function recordChange(
  tx: Tx,
  eventId: string,
  now: number,
  action: string,
  details?: Record<string, unknown>,
): void {
  tx.update(events)
    .set({ version: sql`${events.version} + 1`, updatedAt: new Date(now) })
    .where(eq(events.id, eventId))
    .run();
  if (details)
    tx.insert(moderatorActions)
      .values({ eventId, at: new Date(now), action, details })
      .run();
}

export function createEvent(db: Db, input: CreateEventInput, now: number): CreatedEvent {
  const catalogue = input.catalogue ?? catalogueTemplate(input.template);
  // A new event is a layout change from no tables: the same planner numbers and places them.
  const tables = planTableChanges([], new Set(), input.tables).inserts;
  assertTopicsInCatalogue(
    catalogue,
    tables.map((t) => t.topic),
  );
  for (const table of tables) if (table.host) assertInCatalogue(catalogue, table.host);
  const created = {
    id: newId(),
    code: newJoinCode(),
    moderatorSecret: newSecret(),
    screenSecret: newSecret(),
  };
  db.transaction((tx) => {
    tx.insert(events)
      .values({
        id: created.id,
        code: created.code,
        title: input.title,
        language: input.language,
        minutesPerRound: input.minutesPerRound,
        plannedRounds: input.plannedRounds,
        matching: input.matching,
        catalogue,
        moderatorTokenHash: hashSecret(created.moderatorSecret),
        screenTokenHash: hashSecret(created.screenSecret),
        createdAt: new Date(now),
        updatedAt: new Date(now),
      })
      .run();
    insertTables(tx, created.id, tables, now);
    tx.insert(moderatorActions)
      .values({
        eventId: created.id,
        at: new Date(now),
        action: 'create',
        details: { tables: tables.length },
      })
      .run();
  });
  return created;
}

function insertTables(tx: Tx, eventId: string, inserts: TableChanges['inserts'], now: number): void {
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
        hostParticipantId,
      })
      .run();
  }
}

export function findEventByCode(db: DbLike, code: string) {
  return db.select().from(events).where(eq(events.code, code)).get();
}

export function updateEvent(db: Db, eventId: string, input: UpdateEventInput, now: number): void {
  mutateEvent(db, eventId, now, 'update', (tx, state) => {
    const { tables, ...settings } = input;
    if (tables) {
      if (liveRound(state)) throw conflict('round_live', 'Tables cannot change while a round is running.');
      if (Array.isArray(tables)) {
        assertTopicsInCatalogue(
          state.event.catalogue,
          tables.map((t) => t.topic),
        );
      }
      replaceTables(tx, state, tables, now);
    }
    if (Object.keys(settings).length > 0) tx.update(events).set(settings).where(eq(events.id, eventId)).run();
    return { result: undefined, details: { fields: Object.keys(input) } };
  });
}

/** Applies a new layout; positions are parked first, since (event, position) is unique. */
function replaceTables(tx: Tx, state: EventState, input: TablesInput, now: number): void {
  const used = new Set(state.rounds.flatMap((r) => [...r.seats.values()]));
  const changes = planTableChanges(state.tables, used, input);
  for (const id of changes.removals) tx.delete(eventTables).where(eq(eventTables.id, id)).run();
  for (const t of changes.updates) {
    tx.update(eventTables).set({ position: -t.id }).where(eq(eventTables.id, t.id)).run();
  }
  for (const { id, ...fields } of changes.updates)
    tx.update(eventTables).set(fields).where(eq(eventTables.id, id)).run();
  insertTables(tx, state.event.id, changes.inserts, now);
}

export function finishEvent(db: Db, eventId: string, now: number): void {
  mutateEvent(db, eventId, now, 'finish', (tx, state) => {
    if (state.event.status === 'finished')
      throw conflict('event_finished', 'The event has already finished.');
    const live = liveRound(state);
    if (live) endRoundRow(tx, live.id, now);
    tx.update(events)
      .set({ status: 'finished', joinOpen: false, finishedAt: new Date(now) })
      .where(eq(events.id, eventId))
      .run();
    return { result: undefined, details: { rounds: state.rounds.length } };
  });
}

export function endRoundRow(tx: Tx, roundId: number, now: number): void {
  tx.update(rounds)
    .set({ status: 'ended', endedAt: new Date(now) })
    .where(eq(rounds.id, roundId))
    .run();
}

/** Erases an event with everything in it (cascading); physical before it returns. */
export function eraseEvent(db: Db, eventId: string): void {
  erasePhysically(db, () => db.delete(events).where(eq(events.id, eventId)).run());
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

/** A new screen secret (the old one stops working): the console can show the screen link again. */
export function renewScreenSecret(db: Db, eventId: string, now: number): string {
  const secret = newSecret();
  mutateEvent(db, eventId, now, 'renew_screen_link', (tx) => {
    tx.update(events)
      .set({ screenTokenHash: hashSecret(secret) })
      .where(eq(events.id, eventId))
      .run();
    return { result: undefined, details: {} };
  });
  return secret;
}
