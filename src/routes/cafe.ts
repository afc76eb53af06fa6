import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  hideHarvestWall,
  setHarvestWall,
  setRoundQuestion,
  setTakeawayVisibility,
} from '../commands/cafe.js';
import {
  harvestWallInput,
  questionInput,
  roundNumberParams,
  takeawayParams,
  takeawayVisibilityInput,
} from '../domain/cafe-inputs.js';
import { harvestCsv, harvestMarkdown, harvestReport } from '../domain/harvest-export.js';
import { moderatorOf } from '../plugins/auth.js';
import { loadEventState } from '../repositories/event-state.js';
import { codeParams } from './params.js';

const tags = ['world café'];

/** The moderator's side of questions, harvest and feedback. */
const cafeRoutes: FastifyPluginAsyncZod = async (app) => {
  const reportOf = (eventId: string) => harvestReport(loadEventState(app.db, eventId)!);

  app.put(
    '/api/events/:code/questions/:round',
    {
      schema: {
        tags,
        summary: "Set a round's question in German and English (both null removes it)",
        params: roundNumberParams,
        body: questionInput,
      },
    },
    async (request) => {
      const event = moderatorOf(app, request, request.params.code);
      setRoundQuestion(app, event.id, request.params.round, request.body);
      return { ok: true };
    },
  );

  app.patch(
    '/api/events/:code/takeaways/:takeawayId',
    {
      schema: {
        tags,
        summary: 'Hide or show a takeaway',
        params: takeawayParams,
        body: takeawayVisibilityInput,
      },
    },
    async (request) => {
      const event = moderatorOf(app, request, request.params.code);
      setTakeawayVisibility(app, event.id, request.params.takeawayId, request.body.hidden);
      return { ok: true };
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
      },
    },
    async (request) => {
      const event = moderatorOf(app, request, request.params.code);
      setHarvestWall(app, event.id, request.body.round);
      return { ok: true };
    },
  );

  app.delete(
    '/api/events/:code/harvest-wall',
    { schema: { tags, summary: 'Take the harvest wall off the venue screen', params: codeParams } },
    async (request) => {
      const event = moderatorOf(app, request, request.params.code);
      hideHarvestWall(app, event.id);
      return { ok: true };
    },
  );

  app.get(
    '/api/events/:code/harvest',
    { schema: { tags, summary: 'Questions, visible takeaways and feedback per round', params: codeParams } },
    async (request) => reportOf(moderatorOf(app, request, request.params.code).id),
  );

  app.get(
    '/api/events/:code/harvest.md',
    { schema: { tags, summary: 'The harvest as Markdown', params: codeParams } },
    async (request, reply) => {
      const event = moderatorOf(app, request, request.params.code);
      return reply
        .type('text/markdown; charset=utf-8')
        .header('content-disposition', `attachment; filename="tischwechsel-${event.code}-harvest.md"`)
        .send(harvestMarkdown(reportOf(event.id)));
    },
  );

  app.get(
    '/api/events/:code/harvest.csv',
    { schema: { tags, summary: 'The harvest as CSV, one takeaway a line', params: codeParams } },
    async (request, reply) => {
      const event = moderatorOf(app, request, request.params.code);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="tischwechsel-${event.code}-harvest.csv"`)
        .send(`\ufeff${harvestCsv(reportOf(event.id))}`);
    },
  );
};

export default cafeRoutes;
