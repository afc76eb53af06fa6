import Fastify, { type FastifyError, type FastifyReply, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import { AppError } from './errors.js';
import authPlugin from './plugins/auth.js';
import changesPlugin from './plugins/changes.js';
import dbPlugin from './plugins/db.js';
import docsPlugin from './plugins/docs.js';
import errorsPlugin, { frameworkErrorCode } from './plugins/errors.js';
import plannerPlugin from './plugins/planner.js';
import realtimePlugin from './plugins/realtime.js';
import replicasPlugin from './plugins/replicas.js';
import retentionPlugin from './plugins/retention.js';
import roundTimerPlugin from './plugins/round-timer.js';
import securityPlugin from './plugins/security.js';
import webPlugin from './plugins/web.js';
import cafeRoutes from './routes/cafe.js';
import cafeMeRoutes from './routes/cafe-me.js';
import claimsRoutes from './routes/claims.js';
import eventsRoutes from './routes/events.js';
import harvestRoutes from './routes/harvest.js';
import healthRoutes from './routes/health.js';
import knownPeopleRoutes from './routes/known-people.js';
import moderatorRoutes from './routes/moderator.js';
import participantsRoutes from './routes/participants.js';
import registrationsRoutes from './routes/registrations.js';
import roundsRoutes from './routes/rounds.js';
import screenRoutes from './routes/screen.js';
import siteRoutes from './routes/site.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
  }
}

export interface AppOptions {
  now?: () => number;
  logger?: FastifyServerOptions['logger'];
  /** Planner threads; one fewer than the cores by default. */
  plannerThreads?: number;
}

/** Logs carry method, path and status: no names, contacts, tokens or IP addresses. */
export const loggerOptions = (level: string): FastifyServerOptions['logger'] => ({
  level,
  redact: ['req.headers.authorization'],
  serializers: {
    req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url.split('?')[0] }),
    res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
  },
  ...(process.stdout.isTTY && { transport: { target: 'pino-pretty' } }),
});

function routerRefusal(error: FastifyError, reply: FastifyReply): void {
  const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
  reply
    .code(status)
    .send({ error: { code: frameworkErrorCode(error.code), message: 'The request path is not valid.' } });
}

export async function buildApp(config: Config, options: AppOptions = {}) {
  const app = Fastify({
    logger: options.logger ?? loggerOptions(config.LOG_LEVEL),
    bodyLimit: 64 * 1024,
    trustProxy: config.TRUST_PROXY,
    routerOptions: { maxParamLength: 200 },
    // The router refuses malformed paths before any handler runs; give those refusals our error shape too.
    frameworkErrors: (error, _request, reply) => routerRefusal(error, reply as unknown as FastifyReply),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('config', config);
  // An empty body with a JSON content type (a bodiless POST from fetch helpers) means "no body", not an error.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    if (body === '') return done(null, undefined);
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(new AppError(400, 'invalid_json', 'The request body is not valid JSON.'), undefined);
    }
  });

  await app.register(errorsPlugin);
  await app.register(authPlugin);
  await app.register(securityPlugin);
  await app.register(changesPlugin, { now: options.now ?? Date.now });
  await app.register(dbPlugin, { path: config.DATABASE_PATH, url: config.DATABASE_URL });
  await app.register(roundTimerPlugin);
  await app.register(plannerPlugin, { threads: options.plannerThreads });
  await app.register(retentionPlugin, { retentionDays: config.RETENTION_DAYS });
  await app.register(docsPlugin);
  await app.register(realtimePlugin);
  await app.register(replicasPlugin);

  await app.register(healthRoutes);
  await app.register(eventsRoutes);
  await app.register(participantsRoutes);
  await app.register(knownPeopleRoutes);
  await app.register(moderatorRoutes);
  await app.register(roundsRoutes);
  await app.register(screenRoutes);
  await app.register(registrationsRoutes);
  await app.register(claimsRoutes);
  await app.register(siteRoutes);
  await app.register(cafeRoutes);
  await app.register(cafeMeRoutes);
  await app.register(harvestRoutes);
  await app.register(webPlugin, { root: config.WEB_DIST });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
