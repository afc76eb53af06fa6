import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { JoinBatcher } from '../commands/join-batch.js';
import { eraseParticipant, updateOwnProfile } from '../commands/participants.js';
import type { ParticipantRow } from '../db/schema/index.js';
import { sharedContacts } from '../domain/exports.js';
import { joinInput, updateOwnInput } from '../domain/inputs.js';
import { contactsVcard } from '../domain/vcard.js';
import { AppError, notFound } from '../errors.js';
import { errorResponses } from '../plugins/errors.js';
import { committedState } from '../repositories/event-state.js';
import { sendDownload } from './downloads.js';
import { joinLimits } from './join-limits.js';
import { myView } from './my-view.js';
import { codeParams } from './params.js';
import { contactList, file, joined, noContent, participantState } from './responses.js';

const tags = ['participant'];
const config = { audience: 'participant' } as const;

const participantsRoutes: FastifyPluginAsyncZod = async (app) => {
  const joins = new JoinBatcher(app, app.tokenKey);
  const { eventOf, ...limits } = joinLimits(app);

  app.post(
    '/api/events/:code/participants',
    {
      schema: {
        tags,
        summary: 'Join an event (idempotent for a repeated requestKey)',
        params: codeParams,
        body: joinInput,
        response: {
          201: joined.describe('Joined'),
          200: joined.describe('Joined before with this requestKey: the same person'),
          ...errorResponses(404, 409, 422),
        },
      },
      // 300 phones behind one venue NAT must get in within a minute, whatever a neighbour sends.
      ...limits,
    },
    async (request, reply) => {
      // The batch reads the whole row once for all joins of its turn; here only who the event is.
      const event = await eventOf(request);
      if (!event) throw notFound('Event');
      const result = await joins.join(event.id, request.body);
      reply.code(result.created ? 201 : 200);
      return { participantId: result.participantId, token: result.token };
    },
  );

  app.get(
    '/api/me',
    {
      schema: { tags, summary: 'My view: profile, table, mates', response: { 200: participantState } },
      config,
    },
    async (request) => myView(app, request.participant),
  );

  app.patch(
    '/api/me',
    {
      schema: {
        tags,
        summary: 'Update my profile or presence',
        body: updateOwnInput,
        response: { 200: participantState, ...errorResponses(409, 422) },
      },
      config,
    },
    async (request) => {
      const me = request.participant;
      await updateOwnProfile(app, me.eventId, me.id, request.body);
      return myView(app, me);
    },
  );

  app.delete(
    '/api/me',
    { schema: { tags, summary: 'Delete my data now', response: { 204: noContent } }, config },
    async (request, reply) => {
      const me = request.participant;
      await eraseParticipant(app, me.eventId, me.id);
      return reply.code(204).send(null);
    },
  );

  const contactsOf = async (me: ParticipantRow) => {
    const state = (await committedState(app.db, me.eventId))!;
    if (state.event.status !== 'finished') {
      throw new AppError(409, 'event_not_finished', 'Contacts are shared after the event has finished.');
    }
    return sharedContacts(state, me.id);
  };

  app.get(
    '/api/me/contacts',
    {
      schema: {
        tags,
        summary: 'People I met who share their contact (after the event)',
        response: { 200: contactList, ...errorResponses(409) },
      },
      config,
    },
    async (request) => ({ contacts: await contactsOf(request.participant) }),
  );

  app.get(
    '/api/me/contacts.vcf',
    {
      schema: {
        tags,
        summary: 'The same as vCard',
        response: { 200: file('text/vcard', 'One vCard per contact'), ...errorResponses(409) },
      },
      config,
    },
    async (request, reply) => {
      const contacts = await contactsOf(request.participant);
      return sendDownload(reply, 'contacts', 'vcf', contactsVcard(contacts));
    },
  );
};

export default participantsRoutes;
