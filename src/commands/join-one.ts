import type { EventRow } from '../db/schema/index.js';
import { assertInCatalogue } from '../domain/catalogue-rules.js';
import type { EventState } from '../domain/event-state.js';
import type { JoinInput } from '../domain/inputs.js';
import { assertCanJoin } from '../domain/join-rules.js';
import { conflict } from '../errors.js';
import type { Tx } from '../repositories/db-types.js';
import { findByRequestKey, insertParticipant, type ParticipantInsert } from '../repositories/participants.js';
import { hashSecret, newId, newSecret, tokenForRequestKey } from '../security/tokens.js';
import { seatIfRoundLive } from './live-round.js';

export interface Joined {
  participantId: string;
  token: string;
  /** False when a repeated request key returned the person joined before. */
  created: boolean;
}

/** What the caller read of the event once: its row, how many have joined so far, a live round's state. */
export interface JoinTarget {
  event: EventRow | undefined;
  count: number;
  /** The live round's state; a join leaves it with the new person in it. */
  live: EventState | null;
  onSeated: () => void;
}

/** A join let in, with the new person's row to insert; or (no row) the person a repeated key joined before. */
export interface Admission {
  joined: Joined;
  row?: ParticipantInsert;
}

/** How a request key is stored and looked up: a retried join finds the person its first try made. */
export const requestKeyHashOf = (input: JoinInput): string | null =>
  input.requestKey ? hashSecret(input.requestKey) : null;

/**
 * The part of a join that reads and writes nothing: a repeated request key answers the person it
 * joined before (`earlier`, their id); else the event's rules decide whether one more may join
 * (`count` have), and the new person's row is made. Refusals throw before anything is written.
 */
export function admit(
  eventId: string,
  input: JoinInput,
  serverKey: string,
  now: number,
  event: EventRow | undefined,
  count: number,
  earlier: string | undefined,
): Admission {
  const { requestKey, privacyAccepted: _, ...profile } = input;
  const token = requestKey ? tokenForRequestKey(serverKey, eventId, requestKey) : newSecret();
  if (earlier) return { joined: { participantId: earlier, token, created: false } };
  if (!event) throw conflict('event_gone', 'The event no longer exists.');
  assertCanJoin(event, count);
  assertInCatalogue(event.catalogue, profile);
  const participantId = newId();
  return {
    joined: { participantId, token, created: true },
    row: {
      id: participantId,
      eventId,
      ...profile,
      tokenHash: hashSecret(token),
      requestKeyHash: requestKeyHashOf(input),
      joinedAt: new Date(now),
    },
  };
}

/**
 * One join inside a transaction the caller owns (a claimed registration). It reads only the request
 * key, never the whole event; the event row, the count and (only in a live round, to seat the late
 * arrival) the full state are the caller's.
 */
export async function joinOne(
  tx: Tx,
  eventId: string,
  input: JoinInput,
  serverKey: string,
  now: number,
  target: JoinTarget,
): Promise<Joined> {
  const keyHash = requestKeyHashOf(input);
  const earlier = keyHash ? (await findByRequestKey(tx, eventId, keyHash))?.id : undefined;
  const { joined, row } = admit(eventId, input, serverKey, now, target.event, target.count, earlier);
  if (!row) return joined;
  const inserted = await insertParticipant(tx, row);
  if (target.live) {
    // A new list rather than a push: a state's list of people is never changed once read.
    target.live = { ...target.live, participants: [...target.live.participants, inserted] };
    if ((await seatIfRoundLive(tx, target.live, joined.participantId)) !== null) target.onSeated();
  }
  return joined;
}
