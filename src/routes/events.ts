import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { createEvent, eraseEvent, finishEvent, renewScreenSecret, updateEvent } from '../commands/events.js';
import { createEventInput, updateEventInput } from '../domain/inputs.js';
import { publicInfo } from '../domain/views.js';
import { eventByCode } from '../plugins/auth.js';
import { errorResponses } from '../plugins/errors.js';
import { committedState } from '../repositories/event-state.js';
import { PLANNING_REQUESTS_PER_MINUTE, perModeratorSecret } from './limits.js';
import { codeParams, eventLinks } from './params.js';
import { createdEvent, file, newScreenLink, noContent, ok, publicEvent } from './responses.js';

const eventsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/events',
    {
      schema: {
        tags: ['event'],
        summary: 'Create an event',
        body: createEventInput,
        response: { 201: createdEvent, ...errorResponses(422) },
      },
      config: { audience: 'admin', rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const created = await createEvent(app, request.body);
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
    {
      schema: {
        tags: ['event'],
        summary: 'Public join info',
        params: codeParams,
        response: { 200: publicEvent, ...errorResponses(404) },
      },
    },
    async (request) => {
      const state = (await committedState(app.db, (await eventByCode(app, request.params.code)).id))!;
      return {
        ...publicInfo(state),
        links: eventLinks(app.config.PUBLIC_URL, state.event.code),
        retentionDays: app.config.RETENTION_DAYS,
      };
    },
  );

  app.get(
    '/api/events/:code/qr.svg',
    {
      schema: {
        tags: ['event'],
        summary: 'The join link as a QR code (SVG)',
        params: codeParams,
        response: { 200: file('image/svg+xml', 'The QR code'), ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      const event = await eventByCode(app, request.params.code);
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
      schema: {
        tags: ['moderator'],
        summary: 'Change settings',
        params: codeParams,
        body: updateEventInput,
        response: { 200: ok, ...errorResponses(409, 422) },
      },
      config: { audience: 'moderator', ...perModeratorSecret(PLANNING_REQUESTS_PER_MINUTE) },
    },
    async (request) => {
      await updateEvent(app, request.event.id, request.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/events/:code/screen-link',
    {
      schema: {
        tags: ['moderator'],
        summary: 'Issue a new screen link (the secret is stored only as a hash; the old link stops working)',
        params: codeParams,
        response: { 200: newScreenLink },
      },
      config: { audience: 'moderator' },
    },
    async (request) => {
      const { event } = request;
      const screen = await renewScreenSecret(app, event.id);
      return { screen, link: `${app.config.PUBLIC_URL}/s/${event.code}#${screen}` };
    },
  );

  app.post(
    '/api/events/:code/finish',
    {
      schema: {
        tags: ['moderator'],
        summary: 'Finish the event',
        params: codeParams,
        response: { 200: ok, ...errorResponses(409) },
      },
      config: { audience: 'moderator' },
    },
    async (request) => {
      await finishEvent(app, request.event.id);
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/events/:code',
    {
      schema: {
        tags: ['moderator'],
        summary: 'Erase the event and all its data',
        params: codeParams,
        response: { 204: noContent },
      },
      config: { audience: 'moderator' },
    },
    async (request, reply) => {
      await eraseEvent(app, request.event.id);
      return reply.code(204).send(null);
    },
  );
};

export default eventsRoutes;
