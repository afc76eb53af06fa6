import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { claimRegistration, registrationByClaim } from '../commands/claims.js';
import { joinInput } from '../domain/inputs.js';
import { bearer, eventByCode } from '../plugins/auth.js';
import { tokenKey } from '../repositories/instance.js';
import { codeParams } from './params.js';

const tags = ['participant'];

/** The personal link of an expected person: `Authorization: Bearer <claim secret>` from the link's fragment. */
const claimsRoutes: FastifyPluginAsyncZod = async (app) => {
  const serverKey = tokenKey(app.db);

  app.get(
    '/api/events/:code/claim',
    {
      schema: {
        tags,
        summary: 'The registered profile behind a personal link, to check or complete',
        params: codeParams,
      },
    },
    async (request) => {
      const event = eventByCode(app, request.params.code);
      const r = registrationByClaim(app.db, event.id, bearer(request));
      return {
        claimed: r.participantId !== null,
        profile: {
          displayName: r.displayName,
          organisation: r.organisation,
          role: r.role,
          stage: r.stage,
          interests: r.interests,
          contact: r.email,
        },
      };
    },
  );

  app.post(
    '/api/events/:code/claim',
    {
      schema: {
        tags,
        summary:
          'Claim the registered profile: checked, completed, privacy notice accepted; then one can be seated',
        params: codeParams,
        body: joinInput,
      },
      config: { rateLimit: { max: app.config.JOIN_RATE_LIMIT, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const event = eventByCode(app, request.params.code);
      const joined = claimRegistration(app, event.id, bearer(request), request.body, serverKey);
      reply.code(joined.created ? 201 : 200);
      return { participantId: joined.participantId, token: joined.token };
    },
  );
};

export default claimsRoutes;
