import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { endRound, extendRound, moveParticipant, seatLateArrival, startRound } from '../commands/rounds.js';
import { errorResponses } from '../plugins/errors.js';
import { LIMITS } from '../shared/limits.js';
import { codeParams, participantId } from './params.js';
import { ok, roundStarted, seatGiven } from './responses.js';

const tags = ['rounds'];
const config = { audience: 'moderator' } as const;

const roundsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/events/:code/rounds',
    {
      schema: {
        tags,
        summary: 'Start the next round',
        params: codeParams,
        response: { 201: roundStarted, ...errorResponses(409) },
      },
      config,
    },
    async (request, reply) => {
      reply.code(201);
      return startRound(app, request.event.id);
    },
  );

  app.post(
    '/api/events/:code/rounds/current/extend',
    {
      schema: {
        tags,
        summary: 'Give the live round more minutes',
        params: codeParams,
        response: { 200: ok, ...errorResponses(409) },
        body: z.object({ minutes: z.number().int().min(1).max(LIMITS.extendMinutes) }).strict(),
      },
      config,
    },
    async (request) => {
      await extendRound(app, request.event.id, request.body.minutes);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/events/:code/rounds/current/end',
    {
      schema: {
        tags,
        summary: 'End the live round now',
        params: codeParams,
        response: { 200: ok, ...errorResponses(409) },
      },
      config,
    },
    async (request) => {
      await endRound(app, request.event.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/events/:code/rounds/current/moves',
    {
      schema: {
        tags,
        summary: 'Move a person to another table in the live round',
        params: codeParams,
        response: { 200: ok, ...errorResponses(409) },
        body: z
          .object({ participantId, tableId: z.number().int().positive(), swapWith: participantId.optional() })
          .strict(),
      },
      config,
    },
    async (request) => {
      const { participantId: who, tableId, swapWith } = request.body;
      await moveParticipant(app, request.event.id, who, tableId, swapWith);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/events/:code/rounds/current/seats',
    {
      schema: {
        tags,
        summary: 'Seat a late arrival at the best free seat without moving anyone',
        params: codeParams,
        response: { 200: seatGiven, ...errorResponses(409) },
        body: z.object({ participantId }).strict(),
      },
      config,
    },
    async (request) => {
      return { tableId: await seatLateArrival(app, request.event.id, request.body.participantId) };
    },
  );
};

export default roundsRoutes;
