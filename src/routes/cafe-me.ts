import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { addTakeaway, giveFeedback } from '../commands/cafe.js';
import { feedbackInput, takeawayInput } from '../domain/cafe-inputs.js';
import { participantView } from '../domain/views.js';
import { participantOf } from '../plugins/auth.js';
import { loadEventState } from '../repositories/event-state.js';

const tags = ['participant'];

/** A phone's side: a takeaway for my table's harvest, one tap of feedback for the round just ended. */
const cafeMeRoutes: FastifyPluginAsyncZod = async (app) => {
  // Answers with my view, so the phone shows the change even while its socket reconnects.
  const viewOf = (me: { eventId: string; id: string }) => ({
    ...participantView(loadEventState(app.db, me.eventId)!, me.id),
    serverTime: app.now(),
  });

  app.post(
    '/api/me/takeaways',
    {
      schema: {
        tags,
        summary: "Add a takeaway to my table's harvest (no name is stored with it)",
        body: takeawayInput,
      },
    },
    async (request, reply) => {
      const me = participantOf(app, request);
      addTakeaway(app, me.eventId, me.id, request.body.text);
      reply.code(201);
      return viewOf(me);
    },
  );

  app.post(
    '/api/me/feedback',
    {
      schema: {
        tags,
        summary: 'How was the round just ended? Once per round; the answer is not stored with my name',
        body: feedbackInput,
      },
    },
    async (request, reply) => {
      const me = participantOf(app, request);
      giveFeedback(app, me.eventId, me.id, request.body.face);
      reply.code(201);
      return viewOf(me);
    },
  );
};

export default cafeMeRoutes;
