import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { serverInfo } from './responses.js';

const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/healthz',
    { schema: { hide: true, response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/api/info',
    {
      schema: {
        tags: ['event'],
        summary: 'Facts about this server the pages show',
        response: { 200: serverInfo },
      },
    },
    async () => ({
      retentionDays: app.config.RETENTION_DAYS,
    }),
  );
  app.get(
    '/readyz',
    {
      schema: {
        hide: true,
        response: {
          200: z.object({ status: z.literal('ready') }),
          503: z.object({ status: z.literal('unavailable') }),
        },
      },
    },
    async (_request, reply) => {
      // A replica that cannot hear the others' changes would leave its phones on an old round.
      if (app.relay?.listening !== false && (await app.store.ready())) return { status: 'ready' as const };
      return reply.code(503).send({ status: 'unavailable' });
    },
  );
};

export default healthRoutes;
