import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eraseParticipant, joinEvent, setKnown, updateOwnProfile } from '../commands/participants.js';
import { sharedContacts } from '../domain/exports.js';
import { joinInput, updateOwnInput } from '../domain/inputs.js';
import { contactsVcard } from '../domain/vcard.js';
import { participantView } from '../domain/views.js';
import { AppError } from '../errors.js';
import { eventByCode, participantOf } from '../plugins/auth.js';
import { loadEventState } from '../repositories/event-state.js';
import { tokenKey } from '../repositories/instance.js';
import { joinLimits } from './join-limits.js';
import { codeParams } from './params.js';

const tags = ['participant'];

const participantsRoutes: FastifyPluginAsyncZod = async (app) => {
  const serverKey = tokenKey(app.db);

  app.post(
    '/api/events/:code/participants',
    {
      schema: {
        tags,
        summary: 'Join an event (idempotent for a repeated requestKey)',
        params: codeParams,
        body: joinInput,
      },
      // 300 phones behind one venue NAT must get in within a minute, whatever a neighbour sends.
      ...joinLimits(app),
    },
    async (request, reply) => {
      const event = eventByCode(app, request.params.code);
      const joined = joinEvent(app, event.id, request.body, serverKey);
      reply.code(joined.created ? 201 : 200);
      return { participantId: joined.participantId, token: joined.token };
    },
  );

  app.get('/api/me', { schema: { tags, summary: 'My view: profile, table, mates' } }, async (request) => {
    const me = participantOf(app, request);
    return { ...participantView(loadEventState(app.db, me.eventId)!, me.id), serverTime: app.now() };
  });

  app.patch(
    '/api/me',
    { schema: { tags, summary: 'Update my profile or presence', body: updateOwnInput } },
    async (request) => {
      const me = participantOf(app, request);
      updateOwnProfile(app, me.eventId, me.id, request.body);
      return { ...participantView(loadEventState(app.db, me.eventId)!, me.id), serverTime: app.now() };
    },
  );

  app.delete('/api/me', { schema: { tags, summary: 'Delete my data now' } }, async (request, reply) => {
    const me = participantOf(app, request);
    eraseParticipant(app, me.eventId, me.id);
    return reply.code(204).send();
  });

  const knownParams = z.object({ participantId: z.string().regex(/^[A-Za-z0-9_-]{8,32}$/) }).strict();

  app.put(
    '/api/me/known/:participantId',
    {
      schema: {
        tags,
        summary: 'Say privately that I already know this person (we are then planned as having met)',
        params: knownParams,
      },
    },
    async (request, reply) => {
      const me = participantOf(app, request);
      setKnown(app, me.eventId, me.id, request.params.participantId, true);
      return reply.code(204).send();
    },
  );

  app.delete(
    '/api/me/known/:participantId',
    { schema: { tags, summary: 'Take back "we already know each other"', params: knownParams } },
    async (request, reply) => {
      const me = participantOf(app, request);
      setKnown(app, me.eventId, me.id, request.params.participantId, false);
      return reply.code(204).send();
    },
  );

  const contactsOf = (me: ReturnType<typeof participantOf>) => {
    const state = loadEventState(app.db, me.eventId)!;
    if (state.event.status !== 'finished') {
      throw new AppError(409, 'event_not_finished', 'Contacts are shared after the event has finished.');
    }
    return sharedContacts(state, me.id);
  };

  app.get(
    '/api/me/contacts',
    { schema: { tags, summary: 'People I met who share their contact (after the event)' } },
    async (request) => ({
      contacts: contactsOf(participantOf(app, request)),
    }),
  );

  app.get(
    '/api/me/contacts.vcf',
    { schema: { tags, summary: 'The same as vCard' } },
    async (request, reply) => {
      const contacts = contactsOf(participantOf(app, request));
      return reply
        .type('text/vcard; charset=utf-8')
        .header('content-disposition', 'attachment; filename="tischwechsel-contacts.vcf"')
        .send(contactsVcard(contacts));
    },
  );
};

export default participantsRoutes;
