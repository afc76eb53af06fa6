import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { assignments, events, eventTables, knownPairs, participants, rounds } from '../db/schema/index.js';
import type { EventState, RoundState } from '../domain/event-state.js';
import { loadCafeState } from './cafe.js';
import type { DbLike, Tx } from './db-types.js';
import { keptPerDatabase } from './kept-reads.js';
import { readPlan } from './plans.js';
import { prepared } from './prepared.js';

export function loadEventState(db: DbLike, eventId: string): EventState | undefined {
  const event = db.select().from(events).where(eq(events.id, eventId)).get();
  if (!event) return undefined;
  const tables = db
    .select()
    .from(eventTables)
    .where(eq(eventTables.eventId, eventId))
    .orderBy(asc(eventTables.position))
    .all();
  const people = db
    .select()
    .from(participants)
    .where(eq(participants.eventId, eventId))
    .orderBy(asc(participants.joinedAt), asc(participants.id))
    .all();
  const roundRows = db
    .select()
    .from(rounds)
    .where(eq(rounds.eventId, eventId))
    .orderBy(asc(rounds.number))
    .all();
  const seatsByRound = new Map<number, Map<string, number>>(roundRows.map((r) => [r.id, new Map()]));
  if (roundRows.length > 0) {
    const rows = db
      .select()
      .from(assignments)
      .where(
        inArray(
          assignments.roundId,
          roundRows.map((r) => r.id),
        ),
      )
      // The primary key's order, named: a state kept by a command (keepCommitted) lists seats so too.
      .orderBy(asc(assignments.roundId), asc(assignments.participantId))
      .all();
    for (const a of rows) seatsByRound.get(a.roundId)?.set(a.participantId, a.tableId);
  }
  const roundStates: RoundState[] = roundRows.map((r) => ({
    ...r,
    seats: seatsByRound.get(r.id) ?? new Map(),
  }));
  const plan = readPlan(db, eventId);
  const known = db
    .select({ markedBy: knownPairs.markedBy, other: knownPairs.other })
    .from(knownPairs)
    .where(eq(knownPairs.eventId, eventId))
    .all()
    .map((k): [string, string] => [k.markedBy, k.other]);
  const cafe = loadCafeState(
    db,
    eventId,
    roundRows.map((r) => r.id),
  );
  return { event, tables, participants: people, rounds: roundStates, plan, knownPairs: known, cafe };
}

/** The cheap question before the expensive read: has anything changed since? */
export function eventVersion(db: DbLike, eventId: string): number | undefined {
  return prepared(db).eventVersion.get({ id: eventId })?.version;
}

/** Events whose committed state is kept for readers; the least recently read goes first. */
const committed = keptPerDatabase<EventState>(64);

/**
 * The event's committed state (for views, the planner's checks, GET requests, and commands through
 * stateForCommand): read once per version however many sockets, requests and checks ask for it.
 * Every change raises the version, so the version names the state. Shared: never change what it
 * returns.
 */
export function committedState(db: DbLike, eventId: string): EventState | undefined {
  const version = eventVersion(db, eventId);
  return committed(db).read(eventId, version === undefined ? undefined : String(version), () =>
    loadEventState(db, eventId),
  );
}

/**
 * After a commit: the state the command knows it left, kept as the committed state of its version so
 * the push that follows does not read the whole event again (a round start at 2,000 people). Only
 * after the commit: a rolled-back change must never be kept. Seats in participant-id order, as read.
 */
export function keepCommitted(db: Db, state: EventState): void {
  committed(db).keep(state.event.id, String(state.event.version), state);
}

/**
 * The state a command starts from, inside its transaction. Nothing else writes on this connection
 * while it is open, so the committed state of the version read now is that state: a start, a move or
 * an extend does not read the whole event again when the sockets' push already did. The live round's
 * seats are the command's own: the one part a command changes in place while it works (a move, a late
 * arrival seated, then measured); the rest it must only read.
 */
export function stateForCommand(tx: Tx, eventId: string): EventState | undefined {
  const state = committedState(tx, eventId);
  if (!state) return undefined;
  return {
    ...state,
    rounds: state.rounds.map((r) => (r.status === 'live' ? { ...r, seats: new Map(r.seats) } : r)),
  };
}
