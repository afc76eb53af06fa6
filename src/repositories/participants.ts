import { and, count, eq } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import type { Presence } from '../db/schema/constants.js';
import { assignments, events, eventTables, participants, rounds } from '../db/schema/index.js';
import { assertInCatalogue } from '../domain/catalogue-rules.js';
import { type EventState, liveRound } from '../domain/event-state.js';
import type { JoinInput, ProfileInput, UpdateOwnInput } from '../domain/inputs.js';
import { assertActive, lateArrivalTable } from '../domain/round-rules.js';
import { conflict } from '../errors.js';
import { hashSecret, newId, newSecret, tokenForRequestKey } from '../security/tokens.js';
import type { Tx } from './db-types.js';
import { erasePhysically } from './erasure.js';
import { loadEventState } from './event-state.js';
import { mutateEvent, recordChange } from './events.js';
import { refreshLiveMetrics } from './rounds.js';

/** Enough for the largest venues we plan for; it bounds what one join link can fill. */
export const MAX_PARTICIPANTS = 5000;

export interface Joined {
  participantId: string;
  token: string;
  /** False when a repeated request key returned the person joined before. */
  created: boolean;
}

/**
 * A join reads only what it needs (the event, a count, the request key), not the whole event: a
 * burst of joins into a large event stays linear. The full state is read only to seat a late arrival.
 */
export function joinEvent(db: Db, eventId: string, input: JoinInput, serverKey: string, now: number): Joined {
  return db.transaction((tx): Joined => {
    const { requestKey, privacyAccepted: _, ...profile } = input;
    const requestKeyHash = requestKey ? hashSecret(requestKey) : null;
    const token = requestKey ? tokenForRequestKey(serverKey, eventId, requestKey) : newSecret();
    if (requestKeyHash) {
      const earlier = tx
        .select({ id: participants.id })
        .from(participants)
        .where(and(eq(participants.eventId, eventId), eq(participants.requestKeyHash, requestKeyHash)))
        .get();
      if (earlier) return { participantId: earlier.id, token, created: false };
    }
    const event = tx.select().from(events).where(eq(events.id, eventId)).get();
    if (!event) throw conflict('event_gone', 'The event no longer exists.');
    if (event.status === 'finished') throw conflict('event_finished', 'The event has finished.');
    if (!event.joinOpen) throw conflict('join_closed', 'Joining is paused for this event.');
    const { n } = tx
      .select({ n: count() })
      .from(participants)
      .where(eq(participants.eventId, eventId))
      .get()!;
    if (n >= MAX_PARTICIPANTS) throw conflict('event_full', 'This event is full.');
    assertInCatalogue(event.catalogue, profile);
    const participantId = newId();
    tx.insert(participants)
      .values({
        id: participantId,
        eventId,
        ...profile,
        tokenHash: hashSecret(token),
        requestKeyHash,
        joinedAt: new Date(now),
      })
      .run();
    const live = tx
      .select({ id: rounds.id })
      .from(rounds)
      .where(and(eq(rounds.eventId, eventId), eq(rounds.status, 'live')))
      .get();
    if (live) seatIfRoundLive(tx, loadEventState(tx, eventId)!, participantId);
    recordChange(tx, eventId, now, 'join');
    return { participantId, token, created: true };
  });
}

/** Walk-ins typed in by the moderator, or simulated people for a rehearsal; none of them has a token. */
export function addPeople(
  db: Db,
  eventId: string,
  profiles: ProfileInput[],
  kind: 'walk_in' | 'rehearsal',
  now: number,
): string[] {
  return mutateEvent(db, eventId, now, kind, (tx, state) => {
    assertActive(state);
    if (state.participants.length + profiles.length > MAX_PARTICIPANTS) {
      throw conflict('event_full', `This event can hold at most ${MAX_PARTICIPANTS} people.`);
    }
    for (const profile of profiles) assertInCatalogue(state.event.catalogue, profile);
    let current = state;
    let seatedAny = false;
    const ids = profiles.map((profile) => {
      const row = tx
        .insert(participants)
        .values({
          id: newId(),
          eventId,
          ...profile,
          walkIn: kind === 'walk_in',
          simulated: kind === 'rehearsal',
          joinedAt: new Date(now),
        })
        .returning()
        .get();
      current = { ...current, participants: [...current.participants, row] };
      if (seatAtFreeSeat(tx, current, row.id) !== null) seatedAny = true;
      return row.id;
    });
    // One re-measure for the whole batch, not one per person seated.
    if (seatedAny) refreshLiveMetrics(tx, current);
    return { result: ids, details: { count: ids.length } };
  });
}

export function setTableHost(
  db: Db,
  eventId: string,
  tableId: number,
  participantId: string | null,
  now: number,
): void {
  mutateEvent(db, eventId, now, 'set_host', (tx, state) => {
    if (!state.tables.some((t) => t.id === tableId))
      throw conflict('unknown_table', 'No such table in this event.');
    if (participantId !== null && !state.participants.some((p) => p.id === participantId)) {
      throw conflict('unknown_participant', 'No such participant in this event.');
    }
    if (participantId !== null) {
      tx.update(eventTables)
        .set({ hostParticipantId: null })
        .where(eq(eventTables.hostParticipantId, participantId))
        .run();
    }
    tx.update(eventTables).set({ hostParticipantId: participantId }).where(eq(eventTables.id, tableId)).run();
    return { result: undefined, details: { tableId, participantId } };
  });
}

export function findParticipantByToken(db: Db, token: string) {
  return db
    .select()
    .from(participants)
    .where(eq(participants.tokenHash, hashSecret(token)))
    .get();
}

export function updateOwnProfile(
  db: Db,
  eventId: string,
  participantId: string,
  input: UpdateOwnInput,
  now: number,
): void {
  mutateEvent(db, eventId, now, 'update_profile', (tx, state) => {
    assertInCatalogue(state.event.catalogue, input);
    if (input.presence && state.event.status === 'finished') {
      throw conflict('event_finished', 'The event has finished.');
    }
    const row = tx
      .update(participants)
      .set(input)
      .where(eq(participants.id, participantId))
      .returning()
      .get();
    if (input.presence === 'present') seatIfRoundLive(tx, withParticipant(state, row), participantId);
    return { result: undefined };
  });
}

export function setPresence(
  db: Db,
  eventId: string,
  participantId: string,
  presence: Presence,
  now: number,
): void {
  mutateEvent(db, eventId, now, 'presence', (tx, state) => {
    assertActive(state);
    const row = tx
      .update(participants)
      .set({ presence })
      .where(and(eq(participants.id, participantId), eq(participants.eventId, eventId)))
      .returning()
      .get();
    if (!row) throw conflict('unknown_participant', 'No such participant in this event.');
    if (presence === 'present') seatIfRoundLive(tx, withParticipant(state, row), participantId);
    return { result: undefined, details: { participantId, presence } };
  });
}

/** Erases one person (themselves, or by the moderator) with their seats; physical before it returns. */
export function eraseParticipant(db: Db, eventId: string, participantId: string, now: number): void {
  erasePhysically(db, () =>
    mutateEvent(db, eventId, now, 'erase_participant', (tx) => {
      tx.update(eventTables)
        .set({ hostParticipantId: null })
        .where(eq(eventTables.hostParticipantId, participantId))
        .run();
      tx.delete(participants).where(eq(participants.id, participantId)).run();
      return { result: undefined };
    }),
  );
}

/** Seats a present person in the live round at the best free seat, moving nobody; no seat, no change. */
function seatAtFreeSeat(tx: Tx, state: EventState, participantId: string): number | null {
  const round = liveRound(state);
  if (!round) return null;
  const tableId = lateArrivalTable(state, participantId);
  if (tableId === null) return null;
  tx.insert(assignments).values({ roundId: round.id, participantId, tableId }).run();
  round.seats.set(participantId, tableId);
  return tableId;
}

/** The same, keeping the live round's stored quality figures true. */
function seatIfRoundLive(tx: Tx, state: EventState, participantId: string): number | null {
  const tableId = seatAtFreeSeat(tx, state, participantId);
  if (tableId !== null) refreshLiveMetrics(tx, state);
  return tableId;
}

function withParticipant(state: EventState, row: EventState['participants'][number]): EventState {
  return { ...state, participants: state.participants.map((p) => (p.id === row.id ? row : p)) };
}
