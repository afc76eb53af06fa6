import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { moderatorOf } from '../plugins/auth.js';
import {
  endRound,
  extendRound,
  moveParticipant,
  seatLateArrival,
  startRound,
} from '../repositories/rounds.js';
import { codeParams } from './params.js';

const tags = ['rounds'];
const participantId = z.string().regex(/^[A-Za-z0-9_-]{8,32}$/);

const roundsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/events/:code/rounds',
    { schema: { tags, summary: 'Start the next round', params: codeParams } },
    async (request, reply) => {
      const event = moderatorOf(app, request, request.params.code);
      const started = startRound(app.db, event.id, app.now(), app.previews.get(event.id));
      app.previews.delete(event.id);
      app.changes.changed(event.id);
      reply.code(201);
      return started;
    },
  );

  app.post(
    '/api/events/:code/rounds/current/extend',
    {
      schema: {
        tags,
        summary: 'Give the live round more minutes',
        params: codeParams,
        body: z.object({ minutes: z.number().int().min(1).max(60) }).strict(),
      },
    },
    async (request) => {
      const event = moderatorOf(app, request, request.params.code);
      extendRound(app.db, event.id, request.body.minutes, app.now());
      app.changes.changed(event.id);
      return { ok: true };
    },
  );

  app.post(
    '/api/events/:code/rounds/current/end',
    { schema: { tags, summary: 'End the live round now', params: codeParams } },
    async (request) => {
      const event = moderatorOf(app, request, request.params.code);
      endRound(app.db, event.id, app.now());
      app.changes.changed(event.id);
      return { ok: true };
    },
  );

  app.post(
    '/api/events/:code/rounds/current/moves',
    {
      schema: {
        tags,
        summary: 'Move a person to another table in the live round',
        params: codeParams,
        body: z.object({ participantId, tableId: z.number().int().positive() }).strict(),
      },
    },
    async (request) => {
      const event = moderatorOf(app, request, request.params.code);
      moveParticipant(app.db, event.id, request.body.participantId, request.body.tableId, app.now());
      app.changes.changed(event.id);
      return { ok: true };
    },
  );

  app.post(
    '/api/events/:code/rounds/current/seats',
    {
      schema: {
        tags,
        summary: 'Seat a late arrival at the best free seat without moving anyone',
        params: codeParams,
        body: z.object({ participantId }).strict(),
      },
    },
    async (request) => {
      const event = moderatorOf(app, request, request.params.code);
      const tableId = seatLateArrival(app.db, event.id, request.body.participantId, app.now());
      app.changes.changed(event.id);
      return { tableId };
    },
  );
};

export default roundsRoutes;
