import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/handle.js';
import { inBinaryOrder, tablesOf } from '../db/handle.js';
import type { EventState, RoundState } from '../domain/event-state.js';
import { loadCafeState } from './cafe.js';
import type { DbLike, Tx } from './db-types.js';
import { keptPerDatabase } from './kept-reads.js';
import { readPlan } from './plans.js';
import { prepared } from './prepared.js';

/** Reads of a state, each undone by a commit landing amid it, before the reader gives up. */
const CONSISTENT_READ_ATTEMPTS = 5;

/**
 * The event's state as one set of statements reads it. Inside a transaction nothing else writes the
 * event meanwhile; outside one, a commit may land between two of them (each statement sees what is
 * committed when it runs): `committedState` checks for that.
 */
export async function loadEventState(db: DbLike, eventId: string): Promise<EventState | undefined> {
  const { assignments, eventTables, events, knownPairs, participants, rounds } = tablesOf(db);
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  if (!event) return undefined;
  const tables = await db
    .select()
    .from(eventTables)
    .where(eq(eventTables.eventId, eventId))
    .orderBy(asc(eventTables.position));
  const people = await db
    .select()
    .from(participants)
    .where(eq(participants.eventId, eventId))
    .orderBy(asc(participants.joinedAt), asc(inBinaryOrder(db, participants.id)));
  const roundRows = await db
    .select()
    .from(rounds)
    .where(eq(rounds.eventId, eventId))
    .orderBy(asc(rounds.number));
  const seatsByRound = new Map<number, Map<string, number>>(roundRows.map((r) => [r.id, new Map()]));
  if (roundRows.length > 0) {
    const rows = await db
      .select()
      .from(assignments)
      .where(
        inArray(
          assignments.roundId,
          roundRows.map((r) => r.id),
        ),
      )
      // The primary key's order, named: a state kept by a command (keepCommitted) lists seats so too.
      .orderBy(asc(assignments.roundId), asc(inBinaryOrder(db, assignments.participantId)));
    for (const a of rows) seatsByRound.get(a.roundId)?.set(a.participantId, a.tableId);
  }
  const roundStates: RoundState[] = roundRows.map((r) => ({
    ...r,
    seats: seatsByRound.get(r.id) ?? new Map(),
  }));
  const plan = await readPlan(db, eventId);
  const known = (
    await db
      .select({ markedBy: knownPairs.markedBy, other: knownPairs.other })
      .from(knownPairs)
      .where(eq(knownPairs.eventId, eventId))
  ).map((k): [string, string] => [k.markedBy, k.other]);
  const cafe = await loadCafeState(
    db,
    eventId,
    roundRows.map((r) => r.id),
  );
  return { event, tables, participants: people, rounds: roundStates, plan, knownPairs: known, cafe };
}

/**
 * The state as of one version, read outside a transaction: every commit that changes an event raises
 * its version, so when the version after the reads is the one the first read saw, no commit landed
 * in between and the reads are one state.
 */
async function loadConsistentState(db: DbLike, eventId: string): Promise<EventState | undefined> {
  for (let attempt = 0; attempt < CONSISTENT_READ_ATTEMPTS; attempt++) {
    const state = await loadEventState(db, eventId);
    if (!state) return undefined;
    if ((await eventVersion(db, eventId)) === state.event.version) return state;
  }
  // Never a state that mixes two versions: its version would name what was never committed.
  throw new Error(`Event ${eventId} changed during each of ${CONSISTENT_READ_ATTEMPTS} reads of its state.`);
}

/** The cheap question before the expensive read: has anything changed since? */
export async function eventVersion(db: DbLike, eventId: string): Promise<number | undefined> {
  const [row] = await prepared(db).eventVersion.execute({ id: eventId });
  return row?.version;
}

/** Events whose committed state is kept for readers; the least recently read goes first. */
const committed = keptPerDatabase<EventState>(64, (state) => String(state.event.version));

/**
 * The event's committed state (for views, the planner's checks, GET requests, and commands through
 * stateForCommand): read once per version however many sockets, requests and checks ask for it.
 * Every change raises the version, so the version names the state. Shared: never change what it
 * returns.
 */
export async function committedState(db: DbLike, eventId: string): Promise<EventState | undefined> {
  const version = await eventVersion(db, eventId);
  return committed(db).read(eventId, version === undefined ? undefined : String(version), () =>
    loadConsistentState(db, eventId),
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
 * The committed state of this version when one is kept, without reading anything: for a writer that
 * carries the state forward only when it is at hand (a join outside a round).
 */
export function keptState(db: DbLike, eventId: string, version: number): EventState | undefined {
  return committed(db).peek(eventId, String(version));
}

/**
 * The state a command starts from, inside its transaction. Nothing else writes the event while it is
 * open, so the committed state of the version read now is that state: a start, a move or an extend
 * does not read the whole event again when the sockets' push already did. The live round's seats are
 * the command's own: the one part a command changes in place while it works (a move, a late arrival
 * seated, then measured); the rest it must only read.
 */
export async function stateForCommand(tx: Tx, eventId: string): Promise<EventState | undefined> {
  const state = await committedState(tx, eventId);
  if (!state) return undefined;
  return {
    ...state,
    rounds: state.rounds.map((r) => (r.status === 'live' ? { ...r, seats: new Map(r.seats) } : r)),
  };
}
