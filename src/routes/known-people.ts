import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { setKnown } from '../commands/participants.js';
import type { ParticipantRow } from '../db/schema/index.js';
import { peopleIKnow, searchPeople } from '../domain/known-people.js';
import { errorResponses } from '../plugins/errors.js';
import { committedState } from '../repositories/event-state.js';
import { PARTICIPANT_ID } from '../shared/ids.js';
import { noContent, peopleFound, peopleKnown } from './responses.js';

const tags = ['participant'];
const config = { audience: 'participant' } as const;

/** "We already know each other": said of a table mate or of someone found by name, seen only by me. */
const knownPeopleRoutes: FastifyPluginAsyncZod = async (app) => {
  // The token names a participant of a stored event, so its state exists.
  const stateOf = async (me: ParticipantRow) => (await committedState(app.db, me.eventId))!;

  app.get(
    '/api/me/people',
    {
      schema: {
        tags,
        summary: 'Find people in the room by name, to say I already know them',
        querystring: z
          .object({ q: z.string().max(80).describe('the start of a first or last name, 2 letters or more') })
          .strict(),
        response: { 200: peopleFound },
      },
      config,
    },
    async (request) => {
      const me = request.participant;
      return { people: searchPeople(await stateOf(me), me.id, request.query.q) };
    },
  );

  app.get(
    '/api/me/known',
    { schema: { tags, summary: 'The people I said I already know', response: { 200: peopleKnown } }, config },
    async (request) => {
      const me = request.participant;
      return { people: peopleIKnow(await stateOf(me), me.id) };
    },
  );

  const knownParams = z.object({ participantId: z.string().regex(PARTICIPANT_ID) }).strict();
  const knownSchema = (summary: string) => ({
    tags,
    summary,
    params: knownParams,
    response: { 204: noContent, ...errorResponses(409) },
  });

  app.put(
    '/api/me/known/:participantId',
    {
      schema: knownSchema(
        'Say privately that I already know this person (we are then planned as having met)',
      ),
      config,
    },
    async (request, reply) => {
      const me = request.participant;
      await setKnown(app, me.eventId, me.id, request.params.participantId, true);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/me/known/:participantId',
    { schema: knownSchema('Take back "we already know each other"'), config },
    async (request, reply) => {
      const me = request.participant;
      await setKnown(app, me.eventId, me.id, request.params.participantId, false);
      return reply.code(204).send(null);
    },
  );
};

export default knownPeopleRoutes;
