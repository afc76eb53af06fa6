import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  hideHarvestWall,
  setHarvestWall,
  setRoundQuestion,
  setTakeawayVisibility,
} from '../commands/cafe.js';
import {
  harvestWallInput,
  questionInput,
  roundParam,
  takeawayVisibilityInput,
} from '../domain/cafe-inputs.js';
import { errorResponses } from '../plugins/errors.js';
import { codeParams } from './params.js';
import { ok } from './responses.js';

const tags = ['world café'];
const config = { audience: 'moderator' } as const;

/** The moderator's side of the round questions, the harvest and the venue screen's harvest wall. */
const cafeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/api/events/:code/questions/:round',
    {
      schema: {
        tags,
        summary: "Set a round's question in German and English (both null removes it)",
        params: codeParams.extend({ round: roundParam }),
        body: questionInput,
        response: { 200: ok },
      },
      config,
    },
    async (request) => {
      await setRoundQuestion(app, request.event.id, request.params.round, request.body);
      return { ok: true as const };
    },
  );

  app.patch(
    '/api/events/:code/takeaways/:takeawayId',
    {
      schema: {
        tags,
        summary: 'Hide a takeaway everywhere, or show it again',
        params: codeParams.extend({ takeawayId: z.coerce.number().int().positive() }),
        body: takeawayVisibilityInput,
        response: { 200: ok },
      },
      config,
    },
    async (request) => {
      await setTakeawayVisibility(app, request.event.id, request.params.takeawayId, request.body.hidden);
      return { ok: true as const };
    },
  );

  app.put(
    '/api/events/:code/harvest-wall',
    {
      schema: {
        tags,
        summary: "Show the harvest wall on the venue screen: one round's takeaways, or all (round null)",
        params: codeParams,
        body: harvestWallInput,
        response: { 200: ok, ...errorResponses(409) },
      },
      config,
    },
    async (request) => {
      await setHarvestWall(app, request.event.id, request.body.round);
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/events/:code/harvest-wall',
    {
      schema: {
        tags,
        summary: 'Take the harvest wall off the venue screen',
        params: codeParams,
        response: { 200: ok },
      },
      config,
    },
    async (request) => {
      await hideHarvestWall(app, request.event.id);
      return { ok: true as const };
    },
  );
};

export default cafeRoutes;
