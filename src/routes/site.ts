import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { siteInfo } from '../config-site.js';
import { siteDetails } from './import-responses.js';

/** The operator's details for the privacy page and the accessibility statement. */
const siteRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/site',
    {
      schema: {
        tags: ['event'],
        summary: 'Operator, data-protection contact and accessibility contacts',
        response: { 200: siteDetails },
      },
    },
    async () => ({ ...siteInfo(app.config), retentionDays: app.config.RETENTION_DAYS }),
  );
};

export default siteRoutes;
