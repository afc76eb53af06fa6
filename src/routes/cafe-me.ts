import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { addTakeaway, giveFeedback } from '../commands/cafe.js';
import { feedbackInput, takeawayInput } from '../domain/cafe-inputs.js';
import { errorResponses } from '../plugins/errors.js';
import { myView } from './my-view.js';
import { participantState } from './responses.js';

const tags = ['participant'];
const config = { audience: 'participant' } as const;

/** A phone's side: a takeaway for my table's harvest, one tap of feedback for the round just ended. */
const cafeMeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/me/takeaways',
    {
      schema: {
        tags,
        summary: "Add a takeaway to my table's harvest (no name is stored with it)",
        body: takeawayInput,
        response: { 201: participantState, ...errorResponses(409) },
      },
      config,
    },
    async (request, reply) => {
      const me = request.participant;
      await addTakeaway(app, me.eventId, me.id, request.body.text);
      reply.code(201);
      return myView(app, me);
    },
  );

  app.post(
    '/api/me/feedback',
    {
      schema: {
        tags,
        summary: 'How was the round just ended? Once per round; the answer is kept apart from my name',
        body: feedbackInput,
        response: { 201: participantState, ...errorResponses(409) },
      },
      config,
    },
    async (request, reply) => {
      const me = request.participant;
      await giveFeedback(app, me.eventId, me.id, request.body.face);
      reply.code(201);
      return myView(app, me);
    },
  );
};

export default cafeMeRoutes;
