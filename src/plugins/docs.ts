import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** OpenAPI generated from the same zod schemas that validate the requests, browsable at /docs. */
export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        info: {
          title: 'Tischwechsel API',
          description:
            'Networking rounds for in-person events. Secrets go in `Authorization: Bearer …`: the moderator or screen secret for event routes, the participant token for /api/me.',
          version: '0.1.0',
          license: { name: 'EUPL-1.2' },
        },
        components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
        security: [{ bearer: [] }],
      },
      transform: jsonSchemaTransform,
    });
    // No policy of its own: helmet gives /docs the same one as every page (no https: sources, no
    // upgrade-insecure-requests), and the UI never calls the online validator.
    await app.register(swaggerUi, {
      routePrefix: '/docs',
      staticCSP: false,
      uiConfig: { validatorUrl: null },
    });
  },
  { name: 'docs' },
);
