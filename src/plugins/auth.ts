import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { EventRow, ParticipantRow, RegistrationRow } from '../db/schema/index.js';
import { AppError, notFound } from '../errors.js';
import { findEventByCode } from '../repositories/events.js';
import { findParticipantByToken } from '../repositories/participants.js';
import { findRegistrationByClaim } from '../repositories/registrations.js';
import { BEARER_SECRET, hashSecret, secretMatches } from '../security/tokens.js';
import { type ErrorStatus, errorResponses } from './errors.js';

/**
 * Who a route serves, named in its options (`config: { audience: 'moderator' }`): moderator and
 * screen routes get `request.event`, participant routes `request.participant`, before the handler
 * runs. Claim routes get `request.registration`: the expected person behind a personal link. Admin:
 * creating events, when the server has an admin token.
 */
export type Audience = 'moderator' | 'screen' | 'participant' | 'claim' | 'admin';

declare module 'fastify' {
  interface FastifyContextConfig {
    audience?: Audience;
  }
  interface FastifyRequest {
    /** The event behind `:code` whose secret the request holds; set on moderator and screen routes only. */
    event: EventRow;
    /** The participant whose token the request holds; set on participant routes only. */
    participant: ParticipantRow;
    /** The registration whose claim secret the request holds; set on claim routes only. */
    registration: RegistrationRow;
  }
}

/** The secret from `Authorization: Bearer …`; secrets never travel in URLs, which end up in logs. */
export function bearer(request: FastifyRequest): string {
  const secret = request.headers.authorization?.match(/^Bearer (\S+)$/)?.[1];
  if (!secret || !BEARER_SECRET.test(secret))
    throw new AppError(401, 'unauthorized', 'This needs a secret (Authorization: Bearer …).');
  return secret;
}

export async function eventByCode(app: FastifyInstance, code: string): Promise<EventRow> {
  const event = await findEventByCode(app.db, code);
  if (!event) throw notFound('Event');
  return event;
}

const forbidden = () => new AppError(403, 'forbidden', 'This secret does not allow that for this event.');

/** 401 without a readable secret, 404 for an unknown event, 403 for a secret this event does not know. */
async function eventFor(
  app: FastifyInstance,
  request: FastifyRequest,
  opens: (keyof EventRow)[],
): Promise<EventRow> {
  const secret = bearer(request);
  const event = await eventByCode(app, (request.params as { code: string }).code);
  if (!opens.some((hash) => secretMatches(secret, event[hash] as string))) throw forbidden();
  return event;
}

export async function participantOf(app: FastifyInstance, request: FastifyRequest): Promise<ParticipantRow> {
  const participant = await findParticipantByToken(app.db, bearer(request));
  if (!participant) throw new AppError(401, 'unauthorized', 'Unknown participant token; join again.');
  return participant;
}

/** 401 for a claim secret this event does not know: a badge of another event is simply not valid here. */
export async function registrationOf(
  app: FastifyInstance,
  request: FastifyRequest,
): Promise<RegistrationRow> {
  const secret = bearer(request);
  const event = await eventByCode(app, (request.params as { code: string }).code);
  const registration = await findRegistrationByClaim(app.db, hashSecret(secret));
  if (!registration || registration.eventId !== event.id) {
    throw new AppError(401, 'unauthorized', 'This personal link is not (or no longer) valid.');
  }
  return registration;
}

/** The OpenAPI security requirement per audience; the schemes are declared in the docs plugin. */
const SECURITY: Record<Audience, Record<string, string[]>[]> = {
  moderator: [{ moderatorSecret: [] }],
  screen: [{ screenSecret: [] }, { moderatorSecret: [] }],
  participant: [{ participantToken: [] }],
  claim: [{ claimSecret: [] }],
  // `{}`: no secret at all when the server runs without an admin token.
  admin: [{ adminToken: [] }, {}],
};

const REFUSALS: Record<Audience, ErrorStatus[]> = {
  moderator: [401, 403, 404],
  screen: [401, 403, 404],
  participant: [401],
  claim: [401, 404],
  admin: [401],
};

type Check = (request: FastifyRequest) => Promise<void> | void;

function checkFor(app: FastifyInstance, audience: Audience): Check {
  switch (audience) {
    case 'moderator':
      return async (request) => {
        request.event = await eventFor(app, request, ['moderatorTokenHash']);
      };
    case 'screen':
      return async (request) => {
        request.event = await eventFor(app, request, ['screenTokenHash', 'moderatorTokenHash']);
      };
    case 'participant':
      return async (request) => {
        request.participant = await participantOf(app, request);
      };
    case 'claim':
      return async (request) => {
        request.registration = await registrationOf(app, request);
      };
    case 'admin': {
      const adminHash = app.config.ADMIN_TOKEN ? hashSecret(app.config.ADMIN_TOKEN) : null;
      return (request) => {
        if (adminHash && !secretMatches(bearer(request), adminHash))
          throw new AppError(401, 'unauthorized', 'Creating events needs the admin token.');
      };
    }
  }
}

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Turns `config.audience` into a preHandler, the operation's security and its refusals in the schema. */
export default fp(
  async (app) => {
    app.decorateRequest('event', null as unknown as EventRow);
    app.decorateRequest('participant', null as unknown as ParticipantRow);
    app.decorateRequest('registration', null as unknown as RegistrationRow);
    app.addHook('onRoute', (route: RouteOptions) => {
      const audience = route.config?.audience;
      if (!audience) return;
      const check = checkFor(app, audience);
      // After validation, as the handlers' own checks ran before: a malformed request stays a 400.
      route.preHandler = [async (request: FastifyRequest) => check(request), ...asArray(route.preHandler)];
      route.schema = {
        ...route.schema,
        security: SECURITY[audience],
        response: { ...errorResponses(...REFUSALS[audience]), ...(route.schema?.response as object) },
      };
    });
  },
  { name: 'auth', dependencies: ['errors'] },
);
