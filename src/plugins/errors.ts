import type { FastifyError } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors.js';

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

const body = (code: string, message: string, details?: unknown): ErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

const wantsPage = (method: string, url: string, accept: string | undefined) =>
  (method === 'GET' || method === 'HEAD') &&
  !/^\/(api|ws|docs)(\/|$|\?)/.test(url) &&
  (accept ?? '').includes('text/html');

/** One error shape for every failure; anything unexpected is logged and masked as 500. */
export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof AppError) {
        return reply.code(error.statusCode).send(body(error.code, error.message, error.details));
      }
      if (hasZodFastifySchemaValidationErrors(error)) {
        const details = error.validation.map((v) => ({
          field: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || error.validationContext,
          message: v.message,
        }));
        const first = details[0];
        const message = first
          ? `${error.validationContext} ${first.field}: ${first.message}`
          : 'invalid input';
        return reply.code(400).send(body('invalid_input', message, details));
      }
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        const code = error.code ? error.code.replace(/^FST_(ERR_)?/, '').toLowerCase() : 'bad_request';
        return reply.code(status).send(body(code, error.message));
      }
      request.log.error({ err: error }, 'unhandled error');
      return reply.code(500).send(body('internal', 'Something went wrong on our side.'));
    });
    app.setNotFoundHandler((request, reply) => {
      // A person who mistyped a link gets the web client's "not found" page, not an API error body.
      if (
        wantsPage(request.method, request.url, request.headers.accept) &&
        app.hasReplyDecorator('sendFile')
      ) {
        return reply.code(404).sendFile('index.html');
      }
      reply.code(404).send(body('not_found', `No route ${request.method} ${request.url.split('?')[0]}`));
    });
  },
  { name: 'errors' },
);
