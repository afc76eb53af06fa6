import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import helmet from 'helmet';
import { AppError } from '../errors.js';

/** Security headers and the rate limiter; routes opt in to a limit with `config.rateLimit`. */
export default fp(
  async (app) => {
    const securityHeaders = helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          // Phones on venue Wi-Fi often reach the service over plain HTTP; upgrading breaks the page.
          'upgrade-insecure-requests': null,
          'script-src': ["'self'"],
          'style-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          'font-src': ["'self'"],
          'object-src': ["'none'"],
          'frame-ancestors': ["'none'"],
        },
      },
      // Plain HTTP on a LAN: HSTS belongs to the TLS-terminating proxy.
      strictTransportSecurity: false,
      crossOriginEmbedderPolicy: false,
    });
    // Built once: the fastify wrapper builds helmet anew (parsing the policy) on every request.
    app.addHook('onRequest', (request, reply, done) =>
      securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)),
    );
    // API answers carry personal data or secrets (the create response, /api/me, state, exports): no
    // browser or proxy cache may keep them. A route that is public says so itself (the QR code).
    app.addHook('onSend', async (request, reply) => {
      if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
        reply.header('cache-control', 'no-store');
      }
    });
    await app.register(rateLimit, {
      global: false,
      // A request without an address (injected in tests) still needs a bucket.
      keyGenerator: (request) => request.ip ?? 'local',
      // The limiter throws what this returns, so it must be an error the error handler knows.
      errorResponseBuilder: (_request, context) =>
        new AppError(
          429,
          'rate_limited',
          `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} s.`,
        ),
    });
  },
  { name: 'security' },
);
