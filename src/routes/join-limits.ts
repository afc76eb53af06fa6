import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { findEventHeadByCode } from '../repositories/events.js';

/** Refusals one address may cause per minute on the join route, as a multiple of the join limit. */
export const REFUSALS_PER_JOIN = 10;

/**
 * The join route's two buckets per address. The join bucket (JOIN_RATE_LIMIT a minute) counts only
 * what could be a join: a valid body for a known, open event; so a noisy device on the venue Wi-Fi
 * cannot use up the allowance of everyone behind the same NAT. Refusals (bad bodies, unknown or
 * closed events) count in their own, larger bucket, checked before the body is even read.
 */
export function joinLimits(app: FastifyInstance) {
  const joinsPerMinute = app.config.JOIN_RATE_LIMIT;
  const refusalsPerMinute = joinsPerMinute * REFUSALS_PER_JOIN;
  const refusals = app.createRateLimit({
    max: refusalsPerMinute,
    timeWindow: '1 minute',
    keyGenerator: (request) => `refusal:${request.ip ?? 'local'}`,
  });
  // The limit and the route both need the event the code names: one look-up per request.
  const heads = new WeakMap<FastifyRequest, ReturnType<typeof findEventHeadByCode>>();
  const eventOf = (request: FastifyRequest) => {
    let head = heads.get(request);
    if (!head) {
      head = findEventHeadByCode(app.db, (request.params as { code: string }).code);
      heads.set(request, head);
    }
    return head;
  };
  const joinable = async (request: FastifyRequest) => {
    const event = await eventOf(request);
    return event !== undefined && event.status === 'active' && event.joinOpen;
  };
  return {
    /** The event the request's code names (its id, version, status, whether joins are open), read once. */
    eventOf,
    config: {
      rateLimit: {
        max: joinsPerMinute,
        timeWindow: '1 minute',
        // After validation, so a body that cannot be a join never reaches this bucket.
        hook: 'preHandler' as const,
        allowList: async (request: FastifyRequest) => !(await joinable(request)),
      },
    },
    onRequest: async (request: FastifyRequest) => {
      const seen = await refusals(request, { increment: false });
      if (!seen.isAllowed && seen.remaining === 0) {
        throw new AppError(
          429,
          'rate_limited',
          `Too many refused requests; try again in ${Math.max(1, seen.ttlInSeconds)} s.`,
        );
      }
    },
    onResponse: async (request: FastifyRequest, reply: FastifyReply) => {
      if (reply.statusCode >= 400 && reply.statusCode !== 429) await refusals(request);
    },
  };
}
