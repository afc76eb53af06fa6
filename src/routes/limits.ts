import type { FastifyRequest } from 'fastify';
import { hashSecret } from '../security/tokens.js';

/**
 * A rate limit per moderator secret for requests that make the server plan (preview, rehearsal,
 * table changes): one console, however many addresses it comes from, cannot queue unbounded planning.
 * The limiter keeps a hash, never the secret.
 */
export const perModeratorSecret = (max: number) => ({
  rateLimit: {
    max,
    timeWindow: '1 minute',
    keyGenerator: (request: FastifyRequest) =>
      `moderator:${hashSecret(request.headers.authorization ?? request.ip ?? 'none')}`,
  },
});

/** Previews and table changes a console makes in a minute of normal use, with room to spare. */
export const PLANNING_REQUESTS_PER_MINUTE = 60;
/** Rehearsal fills: a handful per rehearsal. */
export const REHEARSALS_PER_MINUTE = 10;
