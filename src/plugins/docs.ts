import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { runtimeFile } from '../runtime-files.js';

/**
 * The Swagger UI files, named rather than found beside the plugin: built, the plugin is inside the
 * server's bundle, and the build copies them to dist/swagger-ui (the plugin's advice for bundling).
 * Source and build serve the docs the same way.
 */
const UI_ASSETS = runtimeFile({ source: 'node_modules/@fastify/swagger-ui/static', built: 'swagger-ui' });

/** OpenAPI generated from the same zod schemas that validate the requests, browsable at /docs. */
export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        // 3.1: JSON Schema 2020-12, where a body-less 204 and nullable fields say what they are.
        openapi: '3.1.0',
        info: {
          title: 'Tischwechsel API',
          description:
            'Networking rounds for in-person events. Secrets go in `Authorization: Bearer …`: the moderator or screen secret for event routes, the participant token for /api/me. Every error answers `{error: {code, message, details?}}`.',
          version: '0.1.0',
          license: { name: 'EUPL-1.2' },
        },
        // Every secret goes in `Authorization: Bearer …`; each operation names the one it needs.
        components: {
          securitySchemes: {
            moderatorSecret: {
              type: 'http',
              scheme: 'bearer',
              description:
                'The moderator secret of the event (from its creation; in the console link after #).',
            },
            screenSecret: {
              type: 'http',
              scheme: 'bearer',
              description: 'The screen secret of the event (in the venue-screen link after #).',
            },
            participantToken: {
              type: 'http',
              scheme: 'bearer',
              description: 'The token a join returned; the phone keeps it.',
            },
            claimSecret: {
              type: 'http',
              scheme: 'bearer',
              description:
                'The personal claim secret of a registered attendee (on the badge QR code and in the mail-merge link, after #).',
            },
            adminToken: {
              type: 'http',
              scheme: 'bearer',
              description: 'The ADMIN_TOKEN of this server; needed to create events only when it is set.',
            },
          },
        },
      },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });
    // No policy of its own: helmet gives /docs the same one as every page (no https: sources, no
    // upgrade-insecure-requests), and the UI never calls the online validator.
    await app.register(swaggerUi, {
      routePrefix: '/docs',
      staticCSP: false,
      uiConfig: { validatorUrl: null },
      baseDir: UI_ASSETS,
      logo: { type: 'image/svg+xml', content: readFileSync(join(UI_ASSETS, 'logo.svg')) },
    });
  },
  { name: 'docs' },
);
