import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { harvestCsv, harvestMarkdown, harvestReport } from '../domain/harvest-export.js';
import { committedState } from '../repositories/event-state.js';
import { sendDownload } from './downloads.js';
import { codeParams } from './params.js';
import { file, harvestReportSchema } from './responses.js';

const tags = ['world café'];
const config = { audience: 'moderator' } as const;

/** The harvest for the print view and to take home: visible takeaways only, never who wrote them. */
const harvestRoutes: FastifyPluginAsyncZod = async (app) => {
  // The moderator check found the event, so its state exists.
  const reportOf = async (eventId: string) => harvestReport((await committedState(app.db, eventId))!);

  app.get(
    '/api/events/:code/harvest',
    {
      schema: {
        tags,
        summary: 'Questions, visible takeaways and feedback per round',
        params: codeParams,
        response: { 200: harvestReportSchema },
      },
      config,
    },
    async (request) => reportOf(request.event.id),
  );

  app.get(
    '/api/events/:code/harvest.md',
    {
      schema: {
        tags,
        summary: 'The harvest as Markdown',
        params: codeParams,
        response: { 200: file('text/markdown', 'The harvest, one section per round and table') },
      },
      config,
    },
    async (request, reply) =>
      sendDownload(
        reply,
        `${request.event.code}-harvest`,
        'md',
        harvestMarkdown(await reportOf(request.event.id)),
      ),
  );

  app.get(
    '/api/events/:code/harvest.csv',
    {
      schema: {
        tags,
        summary: 'The harvest as CSV, one takeaway a line',
        params: codeParams,
        response: { 200: file('text/csv', 'One line per visible takeaway, with its round and table') },
      },
      config,
    },
    async (request, reply) =>
      sendDownload(
        reply,
        `${request.event.code}-harvest`,
        'csv',
        harvestCsv(await reportOf(request.event.id)),
      ),
  );
};

export default harvestRoutes;
