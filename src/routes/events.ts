import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';

import { createEventInput, updateEventInput } from '../domain/inputs.js';
import { publicInfo } from '../domain/views.js';
import { AppError } from '../errors.js';
import { bearer, eventByCode, moderatorOf } from '../plugins/auth.js';
import { loadEventState } from '../repositories/event-state.js';
import {
  createEvent,
  eraseEvent,
  finishEvent,
  renewScreenSecret,
  updateEvent,
} from '../repositories/events.js';
import { hashSecret, secretMatches } from '../security/tokens.js';
import { codeParams, eventLinks } from './params.js';

const eventsRoutes: FastifyPluginAsyncZod<{ adminToken?: string | undefined }> = async (
  app,
  { adminToken },
) => {
  const adminHash = adminToken ? hashSecret(adminToken) : null;

  app.post(
    '/api/events',
    {
      schema: { tags: ['event'], summary: 'Create an event', body: createEventInput },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      if (adminHash) {
        if (!secretMatches(bearer(request), adminHash))
          throw new AppError(401, 'unauthorized', 'Creating events needs the admin token.');
      }
      const created = createEvent(app.db, request.body, app.now());
      const secrets = { moderator: created.moderatorSecret, screen: created.screenSecret };
      reply.code(201);
      return {
        code: created.code,
        ...secrets,
        links: eventLinks(app.config.PUBLIC_URL, created.code, secrets),
      };
    },
  );

  app.get(
    '/api/events/:code',
    { schema: { tags: ['event'], summary: 'Public join info', params: codeParams } },
    async (request) => {
      const state = loadEventState(app.db, eventByCode(app, request.params.code).id)!;
      return {
        ...publicInfo(state),
        links: eventLinks(app.config.PUBLIC_URL, state.event.code),
        retentionDays: app.config.RETENTION_DAYS,
      };
    },
  );

  app.get(
    '/api/events/:code/qr.svg',
    { schema: { tags: ['event'], summary: 'The join link as a QR code (SVG)', params: codeParams } },
    async (request, reply) => {
      const event = eventByCode(app, request.params.code);
      const svg = await QRCode.toString(eventLinks(app.config.PUBLIC_URL, event.code).join, {
        type: 'svg',
        errorCorrectionLevel: 'M',
        margin: 2,
      });
      return reply.type('image/svg+xml').header('cache-control', 'public, max-age=3600').send(svg);
    },
  );

  app.patch(
    '/api/events/:code',
    {
      schema: { tags: ['moderator'], summary: 'Change settings', params: codeParams, body: updateEventInput },
    },
    async (request) => {
      const event = moderatorOf(app, request, request.params.code);
      updateEvent(app.db, event.id, request.body, app.now());
      app.changes.changed(event.id);
      return { ok: true };
    },
  );

  app.post(
    '/api/events/:code/screen-link',
    {
      schema: {
        tags: ['moderator'],
        summary: 'Issue a new screen link (the secret is stored only as a hash; the old link stops working)',
        params: codeParams,
      },
    },
    async (request) => {
      const event = moderatorOf(app, request, request.params.code);
      const screen = renewScreenSecret(app.db, event.id, app.now());
      app.changes.screenRevoked(event.id);
      return { screen, link: `${app.config.PUBLIC_URL}/s/${event.code}#${screen}` };
    },
  );

  app.post(
    '/api/events/:code/finish',
    { schema: { tags: ['moderator'], summary: 'Finish the event', params: codeParams } },
    async (request) => {
      const event = moderatorOf(app, request, request.params.code);
      finishEvent(app.db, event.id, app.now());
      app.changes.changed(event.id);
      return { ok: true };
    },
  );

  app.delete(
    '/api/events/:code',
    { schema: { tags: ['moderator'], summary: 'Erase the event and all its data', params: codeParams } },
    async (request, reply) => {
      const event = moderatorOf(app, request, request.params.code);
      eraseEvent(app.db, event.id);
      app.changes.erased(event.id);
      return reply.code(204).send();
    },
  );
};

export default eventsRoutes;
