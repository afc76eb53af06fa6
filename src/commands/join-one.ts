import type { EventRow } from '../db/schema/index.js';
import { assertInCatalogue } from '../domain/catalogue-rules.js';
import type { EventState } from '../domain/event-state.js';
import type { JoinInput } from '../domain/inputs.js';
import { assertCanJoin } from '../domain/join-rules.js';
import { conflict } from '../errors.js';
import type { Tx } from '../repositories/db-types.js';
import { findByRequestKey, insertParticipant } from '../repositories/participants.js';
import { hashSecret, newId, newSecret, tokenForRequestKey } from '../security/tokens.js';
import { seatIfRoundLive } from './live-round.js';

export interface Joined {
  participantId: string;
  token: string;
  /** False when a repeated request key returned the person joined before. */
  created: boolean;
}

/** What the batch read of the event once: its row, how many have joined so far, a live round's state. */
export interface JoinTarget {
  event: EventRow | undefined;
  count: number;
  /** The live round's state; a join leaves it with the new person in it. */
  live: EventState | null;
  onSeated: () => void;
}

/**
 * One join inside a transaction the caller owns. It reads only the request key, never the whole
 * event: a burst into a large event stays linear. The event row, the count and (only in a live round,
 * to seat the late arrival) the full state are read once per batch by the caller.
 */
export async function joinOne(
  tx: Tx,
  eventId: string,
  input: JoinInput,
  serverKey: string,
  now: number,
  target: JoinTarget,
): Promise<Joined> {
  const { event, live } = target;
  const { requestKey, privacyAccepted: _, ...profile } = input;
  const requestKeyHash = requestKey ? hashSecret(requestKey) : null;
  const token = requestKey ? tokenForRequestKey(serverKey, eventId, requestKey) : newSecret();
  const earlier = requestKeyHash && (await findByRequestKey(tx, eventId, requestKeyHash));
  if (earlier) return { participantId: earlier.id, token, created: false };
  if (!event) throw conflict('event_gone', 'The event no longer exists.');
  assertCanJoin(event, target.count);
  assertInCatalogue(event.catalogue, profile);
  const participantId = newId();
  const row = await insertParticipant(tx, {
    id: participantId,
    eventId,
    ...profile,
    tokenHash: hashSecret(token),
    requestKeyHash,
    joinedAt: new Date(now),
  });
  if (live) {
    // A new list rather than a push: a state's list of people is never changed once read.
    target.live = { ...live, participants: [...live.participants, row] };
    if ((await seatIfRoundLive(tx, target.live, participantId)) !== null) target.onSeated();
  }
  return { participantId, token, created: true };
}
