import type { RegistrationRow } from '../db/schema/index.js';
import { assertInCatalogue } from '../domain/catalogue-rules.js';
import type { JoinInput } from '../domain/inputs.js';
import { assertCanJoin } from '../domain/join-rules.js';
import { AppError, conflict } from '../errors.js';
import type { DbLike } from '../repositories/db-types.js';
import { loadEventState } from '../repositories/event-state.js';
import { findEventById, raiseVersion } from '../repositories/events.js';
import { findByRequestKey, insertParticipant, participantCount } from '../repositories/participants.js';
import { findRegistrationById, updateRegistration } from '../repositories/registrations.js';
import { hasLiveRound } from '../repositories/rounds.js';
import { hashSecret, newId, newSecret, tokenForRequestKey } from '../security/tokens.js';
import type { Joined } from './join-one.js';
import { refreshLiveMetrics, seatIfRoundLive } from './live-round.js';
import type { CommandContext } from './unit-of-work.js';

/** Read again inside the claim's transaction: the moderator may have erased the expected list meanwhile. */
function registrationIn(db: DbLike, eventId: string, registrationId: string): RegistrationRow {
  const registration = findRegistrationById(db, registrationId);
  if (!registration || registration.eventId !== eventId) {
    throw new AppError(401, 'unauthorized', 'This personal link is not (or no longer) valid.');
  }
  return registration;
}

/**
 * An expected person becomes a participant: they checked their profile and accepted the privacy
 * notice. Only now can they be planned, seated and shown. A link works once; the same request key
 * (a retried request from the same phone) gets the same answer again.
 */
export function claimRegistration(
  ctx: CommandContext,
  eventId: string,
  registrationId: string,
  input: JoinInput,
  serverKey: string,
): Joined {
  const now = ctx.now();
  const joined = ctx.db.transaction((tx): Joined => {
    const registration = registrationIn(tx, eventId, registrationId);
    const { requestKey, privacyAccepted: _, ...profile } = input;
    const requestKeyHash = requestKey ? hashSecret(requestKey) : null;
    if (registration.participantId) {
      const earlier = requestKeyHash && findByRequestKey(tx, eventId, requestKeyHash);
      if (earlier && earlier.id === registration.participantId) {
        return {
          participantId: earlier.id,
          token: tokenForRequestKey(serverKey, eventId, requestKey!),
          created: false,
        };
      }
      throw conflict('already_claimed', 'This profile has already been claimed.');
    }
    const event = findEventById(tx, eventId);
    if (!event) throw conflict('event_gone', 'The event no longer exists.');
    assertCanJoin(event, participantCount(tx, eventId));
    assertInCatalogue(event.catalogue, profile);
    const token = requestKey ? tokenForRequestKey(serverKey, eventId, requestKey) : newSecret();
    const participantId = newId();
    insertParticipant(tx, {
      id: participantId,
      eventId,
      ...profile,
      tokenHash: hashSecret(token),
      requestKeyHash,
      joinedAt: new Date(now),
    });
    updateRegistration(tx, registration.id, { participantId });
    if (hasLiveRound(tx, eventId)) {
      const state = loadEventState(tx, eventId)!;
      if (seatIfRoundLive(tx, state, participantId) !== null) refreshLiveMetrics(tx, state);
    }
    raiseVersion(tx, eventId, now);
    return { participantId, token, created: true };
  });
  if (joined.created) ctx.changes.changed(eventId);
  return joined;
}
