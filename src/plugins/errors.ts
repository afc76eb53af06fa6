import type { FastifyError } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors.js';
import { ERROR_CODES, type ErrorCode } from '../shared/error-codes.js';

interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** Fastify's own refusals (FST_ERR_CTP_BODY_TOO_LARGE → ctp_body_too_large); one outside our list is a bad request. */
export function frameworkErrorCode(fastifyCode: string | undefined): ErrorCode {
  const code = (fastifyCode ?? '').replace(/^FST_(ERR_)?/, '').toLowerCase();
  return (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : 'bad_request';
}

const body = (code: ErrorCode, message: string, details?: unknown): ErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

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
        return reply.code(status).send(body(frameworkErrorCode(error.code), error.message));
      }
      request.log.error({ err: error }, 'unhandled error');
      return reply.code(500).send(body('internal', 'Something went wrong on our side.'));
    });
    app.setNotFoundHandler((request, reply) => {
      reply.code(404).send(body('not_found', `No route ${request.method} ${request.url.split('?')[0]}`));
    });
  },
  { name: 'errors' },
);
