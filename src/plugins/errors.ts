import type { FastifyError, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { ERROR_CODES, type ErrorCode } from '../shared/error-codes.js';

/** The one error shape, as every route's error responses declare it. */
export const errorBody = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      /** English, for logs and developers; pages show their own text for the code. */
      message: z.string(),
      /** Per code: the fields at fault (`[{field, message}]`) or the numbers behind a refusal. */
      details: z.unknown().optional(),
    }),
  })
  // One component in the OpenAPI document that every error response refers to.
  .meta({ id: 'Error' });
type ErrorBody = z.infer<typeof errorBody>;

const ERROR_STATUSES = {
  400: 'The request is not valid: invalid_input (details name the fields), invalid_json, bad_request',
  401: 'No readable secret, or a token that names nobody: unauthorized',
  403: 'The secret does not open this event: forbidden',
  404: 'No such event: not_found',
  409: "The event's state does not allow this now (the code says why)",
  413: 'The body is over 64 KiB: ctp_body_too_large',
  415: 'The body is not JSON: ctp_invalid_media_type',
  422: "A choice outside the event's catalogue or table list: not_in_catalogue, unknown_table, duplicate_table",
  429: 'Too many requests; the Retry-After header says when to try again: rate_limited',
  500: 'Something went wrong on the server (logged, details masked): internal',
} as const;
export type ErrorStatus = keyof typeof ERROR_STATUSES;

type ErrorResponse = { description: string; content: { 'application/json': { schema: typeof errorBody } } };

/** Response schemas for the given error statuses, each with the one error shape (one component in /docs). */
export function errorResponses(...statuses: ErrorStatus[]): Record<number, ErrorResponse> {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: ERROR_STATUSES[status], content: { 'application/json': { schema: errorBody } } },
    ]),
  );
}

/** What any API route may answer besides its own errors: bad input, bad bodies, rate limits, our bugs. */
function commonErrors(route: RouteOptions): ErrorStatus[] {
  const methods = [route.method].flat();
  const takesBody = methods.some((m) => m !== 'GET' && m !== 'HEAD');
  const statuses: ErrorStatus[] = [400];
  if (takesBody) statuses.push(413, 415);
  if (route.config?.rateLimit) statuses.push(429);
  return [...statuses, 500];
}

/** Fastify's own refusals (FST_ERR_CTP_BODY_TOO_LARGE → ctp_body_too_large); one outside our list is a bad request. */
export function frameworkErrorCode(fastifyCode: string | undefined): ErrorCode {
  const code = (fastifyCode ?? '').replace(/^FST_(ERR_)?/, '').toLowerCase();
  return (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : 'bad_request';
}

const body = (code: ErrorCode, message: string, details?: unknown): ErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

const wantsPage = (method: string, url: string, accept: string | undefined) =>
  (method === 'GET' || method === 'HEAD') &&
  !/^\/(api|ws|docs)(\/|$|\?)/.test(url) &&
  (accept ?? '').includes('text/html');

/** One error shape for every failure; anything unexpected is logged and masked as 500. */
export default fp(
  async (app) => {
    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api/')) return;
      route.schema = {
        ...route.schema,
        response: { ...errorResponses(...commonErrors(route)), ...(route.schema?.response as object) },
      };
    });
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
