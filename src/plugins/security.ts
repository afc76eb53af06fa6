import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';

/** Security headers and the rate limiter; routes opt in to a limit with `config.rateLimit`. */
export default fp(
  async (app) => {
    await app.register(helmet, {
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
    await app.register(rateLimit, {
      global: false,
      // A request without an address (injected in tests) still needs a bucket.
      keyGenerator: (request) => request.ip ?? 'local',
      errorResponseBuilder: (_request, context) => ({
        statusCode: 429,
        error: {
          code: 'rate_limited',
          message: `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} s.`,
        },
      }),
    });
  },
  { name: 'security' },
);
