import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { EventRow, ParticipantRow } from '../db/schema/index.js';
import { AppError, notFound } from '../errors.js';
import { findEventByCode } from '../repositories/events.js';
import { findParticipantByToken } from '../repositories/participants.js';
import { secretMatches } from '../security/tokens.js';
import { BEARER } from '../shared/ids.js';

/** The secret from `Authorization: Bearer …`; secrets never travel in URLs, which end up in logs. */
export function bearer(request: FastifyRequest): string {
  const header = request.headers.authorization;
  const match = header?.match(BEARER);
  if (!match) throw new AppError(401, 'unauthorized', 'This needs a secret (Authorization: Bearer …).');
  return match[1]!;
}

export function eventByCode(app: FastifyInstance, code: string): EventRow {
  const event = findEventByCode(app.db, code);
  if (!event) throw notFound('Event');
  return event;
}

export type Audience = 'moderator' | 'screen';

/** The event behind `:code`, if the request holds the secret of one of the allowed audiences. */
export function authoriseEvent(
  app: FastifyInstance,
  request: FastifyRequest,
  code: string,
  allowed: Audience[],
): { event: EventRow; audience: Audience } {
  const secret = bearer(request);
  const event = eventByCode(app, code);
  if (allowed.includes('moderator') && secretMatches(secret, event.moderatorTokenHash)) {
    return { event, audience: 'moderator' };
  }
  if (allowed.includes('screen') && secretMatches(secret, event.screenTokenHash)) {
    return { event, audience: 'screen' };
  }
  throw new AppError(403, 'forbidden', 'This secret does not allow that for this event.');
}

export const moderatorOf = (app: FastifyInstance, request: FastifyRequest, code: string) =>
  authoriseEvent(app, request, code, ['moderator']).event;

export function participantOf(app: FastifyInstance, request: FastifyRequest): ParticipantRow {
  const participant = findParticipantByToken(app.db, bearer(request));
  if (!participant) throw new AppError(401, 'unauthorized', 'Unknown participant token; join again.');
  return participant;
}
