import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { endRound, extendRound, moveParticipant, seatLateArrival, startRound } from '../commands/rounds.js';
import { moderatorOf } from '../plugins/auth.js';
import { LIMITS } from '../shared/limits.js';
import { codeParams, participantId } from './params.js';

const tags = ['rounds'];

const roundsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/events/:code/rounds',
    { schema: { tags, summary: 'Start the next round', params: codeParams } },
    async (request, reply) => {
      const event = moderatorOf(app, request, request.params.code);
      reply.code(201);
      return startRound(app, event.id);
    },
  );

  app.post(
    '/api/events/:code/rounds/current/extend',
    {
      schema: {
        tags,
        summary: 'Give the live round more minutes',
        params: codeParams,
        body: z.object({ minutes: z.number().int().min(1).max(LIMITS.extendMinutes) }).strict(),
      },
    },
    async (request) => {
      const event = moderatorOf(app, request, request.params.code);
      extendRound(app, event.id, request.body.minutes);
      return { ok: true };
    },
  );

  app.post(
    '/api/events/:code/rounds/current/end',
    { schema: { tags, summary: 'End the live round now', params: codeParams } },
    async (request) => {
      const event = moderatorOf(app, request, request.params.code);
      endRound(app, event.id);
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
        body: z
          .object({ participantId, tableId: z.number().int().positive(), swapWith: participantId.optional() })
          .strict(),
      },
    },
    async (request) => {
      const event = moderatorOf(app, request, request.params.code);
      const { participantId: who, tableId, swapWith } = request.body;
      moveParticipant(app, event.id, who, tableId, swapWith);
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
      return { tableId: seatLateArrival(app, event.id, request.body.participantId) };
    },
  );
};

export default roundsRoutes;
