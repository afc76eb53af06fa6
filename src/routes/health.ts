import type { FastifyPluginAsync } from 'fastify';

const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get(
    '/api/info',
    { schema: { tags: ['event'], summary: 'Facts about this server the pages show' } },
    async () => ({
      retentionDays: app.config.RETENTION_DAYS,
    }),
  );
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      app.db.$client.prepare('select 1').get();
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'unavailable' });
    }
  });
};

export default healthRoutes;
