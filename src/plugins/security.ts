import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import helmet from 'helmet';
import { AppError } from '../errors.js';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * The headers a middleware sets on a response, by running it once on a response of no connection.
 * Only for a middleware whose headers depend on nothing in the request: helmet without nonces.
 */
export function headersOf(middleware: Middleware): [string, string][] {
  const response = new ServerResponse(new IncomingMessage(new Socket()));
  let finished = false;
  middleware(response.req, response, (error) => {
    if (error) throw error;
    finished = true;
  });
  // A middleware that answers later or not at all would have its headers taken half-set.
  if (!finished) throw new Error('The security headers middleware did not finish at once.');
  return Object.entries(response.getHeaders()).map(([name, value]) => [name, String(value)]);
}

/** Helmet as the service configures it: a strict policy for its own pages, no HSTS (the proxy's). */
export const securityHeaders = () =>
  helmet({
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

/** Security headers and the rate limiter; routes opt in to a limit with `config.rateLimit`. */
export default fp(
  async (app) => {
    // Worked out once: with no per-request directive (no nonce) they are the same on every answer,
    // and setting a list costs a fraction of running helmet's dozen middlewares for each request.
    const headers = headersOf(securityHeaders());
    app.addHook('onRequest', (_request, reply, done) => {
      for (const [name, value] of headers) reply.raw.setHeader(name, value);
      done();
    });
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
