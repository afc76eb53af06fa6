import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addPeople,
  eraseParticipant,
  eraseRehearsalPeople,
  setPresence,
  setTableHost,
} from '../commands/participants.js';
import { eventCsv, seatingPlan } from '../domain/exports.js';
import { currentPlan, tableUseOf, unavoidableRepeats } from '../domain/forward-plan.js';
import { presenceInput, profileInput } from '../domain/inputs.js';
import { simulatedProfiles } from '../domain/rehearsal.js';
import { assertCanStart, nextPlannedRound } from '../domain/round-rules.js';
import { moderatorView } from '../domain/views.js';
import { conflict, notFound } from '../errors.js';
import { errorResponses } from '../plugins/errors.js';
import { committedState } from '../repositories/event-state.js';
import { isParticipantOf } from '../repositories/moderator-erasure.js';
import { LIMITS } from '../shared/limits.js';
import { sendDownload } from './downloads.js';
import { PLANNING_REQUESTS_PER_MINUTE, perModeratorSecret, REHEARSALS_PER_MINUTE } from './limits.js';
import { codeParams, eventLinks, participantParams, tableParams } from './params.js';
import {
  file,
  moderatorState,
  noContent,
  ok,
  printablePlan,
  rehearsalAdded,
  roundPreview,
  walkInAdded,
} from './responses.js';

const tags = ['moderator'];
const config = { audience: 'moderator' } as const;

const moderatorRoutes: FastifyPluginAsyncZod = async (app) => {
  const stateOf = async (eventId: string) => (await committedState(app.db, eventId))!;

  app.get(
    '/api/events/:code/state',
    {
      schema: {
        tags,
        summary: 'Everything the console shows',
        params: codeParams,
        response: { 200: moderatorState },
      },
      config,
    },
    async (request) => {
      const { event } = request;
      return {
        ...moderatorView(await stateOf(event.id), eventLinks(app.config.PUBLIC_URL, event.code)),
        serverTime: app.now(),
      };
    },
  );

  app.get(
    '/api/events/:code/preview',
    {
      schema: {
        tags,
        summary: 'The next round as it would be planned, with its metrics',
        params: codeParams,
        response: { 200: roundPreview, ...errorResponses(409) },
      },
      config: { ...config, ...perModeratorSecret(PLANNING_REQUESTS_PER_MINUTE) },
    },
    async (request) => {
      const eventId = request.event.id;
      assertCanStart(await stateOf(eventId));
      // Planning runs on the planner threads; this request only waits for it when the plan is stale.
      const state = (await app.planner.ensureCurrent(eventId)) ?? (await stateOf(eventId));
      assertCanStart(state);
      const plan = currentPlan(state);
      if (!plan) throw conflict('plan_busy', 'The room keeps changing; the plan is being made again.');
      const planned = nextPlannedRound(state, plan);
      const names = new Map(state.participants.map((p) => [p.id, p.displayName]));
      return {
        number: planned.number,
        metrics: planned.metrics,
        plannedRounds: plan.length,
        tableUse: tableUseOf(state),
        tablesUsed: planned.plan.filter((ids) => ids.length > 0).length,
        unavoidableRepeats: unavoidableRepeats(state, plan),
        remainingMetrics: state.plan!.metrics,
        eveningMetrics: state.plan!.eveningMetrics,
        tables: planned.plan.map((ids, i) => ({
          label: state.tables[i]!.label,
          people: ids.map((id) => names.get(id) ?? null),
        })),
      };
    },
  );

  app.get(
    '/api/events/:code/export.csv',
    {
      schema: {
        tags,
        summary: 'All participants and tables per round',
        params: codeParams,
        response: {
          200: file('text/csv', 'One line per participant, one column per round (UTF-8 with BOM)'),
        },
      },
      config,
    },
    async (request, reply) => {
      const state = await stateOf(request.event.id);
      return sendDownload(reply, state.event.code, 'csv', eventCsv(state));
    },
  );

  app.get(
    '/api/events/:code/plan',
    {
      schema: {
        tags,
        summary: 'Every round, name → table, for printing',
        params: codeParams,
        response: { 200: printablePlan },
      },
      config,
    },
    async (request) => {
      const state = await stateOf(request.event.id);
      return { title: state.event.title, ...seatingPlan(state) };
    },
  );

  app.post(
    '/api/events/:code/walk-ins',
    {
      schema: {
        tags,
        summary: 'Add a person without a phone',
        params: codeParams,
        body: profileInput,
        response: { 201: walkInAdded, ...errorResponses(409, 422) },
      },
      config,
    },
    async (request, reply) => {
      const [participantId] = await addPeople(app, request.event.id, [request.body], 'walk_in');
      reply.code(201);
      return { participantId: participantId! };
    },
  );

  app.post(
    '/api/events/:code/rehearsal',
    {
      schema: {
        tags,
        summary: 'Fill the event with simulated participants',
        params: codeParams,
        body: z
          .object({ count: z.number().int().min(1).max(LIMITS.rehearsal), seed: z.number().int().optional() })
          .strict(),
        response: { 201: rehearsalAdded, ...errorResponses(409) },
      },
      config: { ...config, ...perModeratorSecret(REHEARSALS_PER_MINUTE) },
    },
    async (request, reply) => {
      const { event } = request;
      const profiles = simulatedProfiles(event.catalogue, request.body.count, request.body.seed ?? app.now());
      const ids = await addPeople(app, event.id, profiles, 'rehearsal');
      reply.code(201);
      return { added: ids.length };
    },
  );

  app.delete(
    '/api/events/:code/rehearsal',
    {
      schema: {
        tags,
        summary: 'Remove every simulated participant at once (not during a round)',
        params: codeParams,
        response: {
          200: z.object({ removed: z.number().int() }).describe('How many simulated people were removed'),
          ...errorResponses(409),
        },
      },
      config,
    },
    async (request) => ({ removed: await eraseRehearsalPeople(app, request.event.id) }),
  );

  app.delete(
    '/api/events/:code/participants/:participantId',
    {
      schema: {
        tags,
        summary: 'Erase one person (a duplicate, an offensive name, a lost phone), also from the live round',
        params: participantParams,
        response: { 204: noContent, ...errorResponses(404) },
      },
      config,
    },
    async (request, reply) => {
      const { event } = request;
      const { participantId } = request.params;
      if (!(await isParticipantOf(app.db, event.id, participantId))) throw notFound('Participant');
      await eraseParticipant(app, event.id, participantId);
      return reply.code(204).send(null);
    },
  );

  app.patch(
    '/api/events/:code/participants/:participantId',
    {
      schema: {
        tags,
        summary: 'Mark presence (present, break, absent, left)',
        params: participantParams,
        body: presenceInput,
        response: { 200: ok, ...errorResponses(409) },
      },
      config,
    },
    async (request) => {
      await setPresence(app, request.event.id, request.params.participantId, request.body.presence);
      return { ok: true as const };
    },
  );

  app.put(
    '/api/events/:code/tables/:tableId/host',
    {
      schema: {
        tags,
        summary: 'Make someone the host of a table (null to clear)',
        params: tableParams,
        body: z.object({ participantId: z.string().min(1).max(32).nullable() }).strict(),
        response: { 200: ok, ...errorResponses(409) },
      },
      config,
    },
    async (request) => {
      await setTableHost(app, request.event.id, request.params.tableId, request.body.participantId);
      return { ok: true as const };
    },
  );
};

export default moderatorRoutes;
