import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { claimRegistration } from '../commands/claims.js';
import { claimView } from '../domain/import/expected.js';
import { joinInput } from '../domain/inputs.js';
import { errorResponses } from '../plugins/errors.js';
import { claimProfile } from './import-responses.js';
import { joinLimits } from './join-limits.js';
import { codeParams } from './params.js';
import { joined } from './responses.js';

const tags = ['participant'];
/** The personal link of an expected person: `Authorization: Bearer <claim secret>` from the link's fragment. */
const config = { audience: 'claim' } as const;

const claimsRoutes: FastifyPluginAsyncZod = async (app) => {
  const serverKey = app.tokenKey;

  app.get(
    '/api/events/:code/claim',
    {
      schema: {
        tags,
        summary: 'The registered profile behind a personal link, to check or complete',
        params: codeParams,
        response: { 200: claimProfile },
      },
      config,
    },
    async (request) => claimView(request.registration),
  );

  const limits = joinLimits(app);
  app.post(
    '/api/events/:code/claim',
    {
      schema: {
        tags,
        summary:
          'Claim the registered profile: checked, completed, privacy notice accepted; then one can be seated',
        params: codeParams,
        body: joinInput,
        response: {
          201: joined.describe('Claimed: now a participant'),
          200: joined.describe('Claimed before with this requestKey: the same person'),
          ...errorResponses(409, 422),
        },
      },
      ...limits,
      config: { ...limits.config, ...config },
    },
    async (request, reply) => {
      const { eventId, id } = request.registration;
      const result = await claimRegistration(app, eventId, id, request.body, serverKey);
      reply.code(result.created ? 201 : 200);
      return { participantId: result.participantId, token: result.token };
    },
  );
};

export default claimsRoutes;
