import type { Db } from '../db/handle.js';
import { findEventByCode } from '../repositories/events.js';
import { findParticipantByToken } from '../repositories/participants.js';
import { secretMatches } from '../security/tokens.js';
import type { Subscription } from './connection.js';
import type { Hello } from './messages.js';

/** Who a hello says it is, checked against the database; null when the secret does not fit. */
export async function authenticate(db: Db, hello: Hello): Promise<Subscription | null> {
  if (hello.role === 'participant') {
    const participant = await findParticipantByToken(db, hello.token);
    return participant
      ? { role: 'participant', eventId: participant.eventId, participantId: participant.id }
      : null;
  }
  const event = await findEventByCode(db, hello.code);
  if (!event) return null;
  const hash = hello.role === 'moderator' ? event.moderatorTokenHash : event.screenTokenHash;
  return secretMatches(hello.secret, hash)
    ? { role: hello.role, eventId: event.id, participantId: null }
    : null;
}
