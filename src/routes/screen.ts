import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { screenView } from '../domain/views.js';
import { authoriseEvent } from '../plugins/auth.js';
import { loadEventState } from '../repositories/event-state.js';
import { codeParams, eventLinks } from './params.js';

const screenRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/events/:code/screen',
    { schema: { tags: ['screen'], summary: 'What the venue screen shows', params: codeParams } },
    async (request) => {
      const { event } = authoriseEvent(app, request, request.params.code, ['screen', 'moderator']);
      const view = screenView(
        loadEventState(app.db, event.id)!,
        eventLinks(app.config.PUBLIC_URL, event.code).join,
      );
      return { ...view, serverTime: app.now() };
    },
  );
};

export default screenRoutes;
