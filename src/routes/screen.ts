import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { screenView } from '../domain/views.js';
import { committedState } from '../repositories/event-state.js';
import { codeParams, eventLinks } from './params.js';
import { screenState } from './responses.js';

const screenRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/events/:code/screen',
    {
      schema: {
        tags: ['screen'],
        summary: 'What the venue screen shows',
        params: codeParams,
        response: { 200: screenState },
      },
      // The screen secret, or the moderator's (the console can show the screen too).
      config: { audience: 'screen' },
    },
    async (request) => {
      const { event } = request;
      const view = screenView(
        (await committedState(app.db, event.id))!,
        eventLinks(app.config.PUBLIC_URL, event.code).join,
      );
      return { ...view, serverTime: app.now() };
    },
  );
};

export default screenRoutes;
