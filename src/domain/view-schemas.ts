import { z } from 'zod';
import {
  EVENT_STATUSES,
  LANGUAGES,
  PRESENCES,
  ROUND_STATUSES,
  TABLE_FEATURES,
} from '../db/schema/constants.js';
import type { Metrics } from '../matching/types.js';
import { moderatorCafeSchema, participantCafeSchema, screenCafeSchema } from './cafe-view-schemas.js';
import type { Catalogue } from './catalogue.js';
import { TABLE_USES } from './event-settings.js';
import type { moderatorView, ParticipantView, publicInfo, ScreenView } from './views.js';

/**
 * The views as they go over the wire, for the response serializer and /docs. `covers<T>()` makes the
 * compiler check that a schema keeps every field of the view it describes: the serializer drops
 * what a schema does not name, and the web client reads the views' own types.
 */
const covers =
  <T>() =>
  <S extends z.ZodType<T>>(schema: S) =>
    schema;

const label = z.object({ de: z.string(), en: z.string() });
const nullableText = z.string().nullable();
const timestamp = z.number().int().describe('milliseconds since 1970, server clock');

export const catalogueSchema = covers<Catalogue>()(
  z.object({
    roles: z.array(z.object({ key: z.string(), label })),
    stages: z.array(z.object({ key: z.string(), value: z.number().int(), label, description: label })),
    interests: z.array(
      z.object({
        key: z.string(),
        label,
        starters: z.object({ de: z.array(z.string()), en: z.array(z.string()) }),
      }),
    ),
  }),
);

export const metricsSchema = covers<Metrics>()(
  z.object({
    rounds: z.number(),
    repeats: z.number(),
    maxMeetings: z.number(),
    sameOrgPairs: z.number(),
    roleMix: z.number(),
    stageMix: z.number(),
    interestHook: z.number(),
    sizeSpread: z.number(),
  }),
);

const eventSummary = z.object({
  code: z.string(),
  title: z.string(),
  language: z.enum(LANGUAGES),
  status: z.enum(EVENT_STATUSES),
  phase: z.enum(['lobby', 'round', 'between', 'finished']),
  joinOpen: z.boolean(),
});

const timing = {
  round: z.object({ number: z.number().int(), startedAt: timestamp, endsAt: timestamp }).nullable(),
  roundsPlayed: z.number().int(),
  plannedRounds: z.number().int(),
  extraRound: z.boolean(),
};
const features = z.array(z.enum(TABLE_FEATURES));

export const publicInfoSchema = covers<ReturnType<typeof publicInfo>>()(
  eventSummary.extend({ participantCount: z.number().int(), catalogue: catalogueSchema }),
);

export const screenViewSchema = covers<ScreenView>()(
  eventSummary.extend({
    joinUrl: z.string(),
    joinedCount: z.number().int(),
    presentCount: z.number().int(),
    stages: z.array(z.object({ value: z.number().int(), label })),
    stageCounts: z.array(z.object({ value: z.number().int(), count: z.number().int() })),
    seating: z.array(z.object({ name: z.string(), table: z.string() })),
    recap: z
      .object({
        rounds: z.number().int(),
        conversations: z.number().int(),
        people: z.number().int(),
        peopleMetAverage: z.number(),
      })
      .nullable(),
    ...timing,
    cafe: screenCafeSchema,
  }),
);

export const participantViewSchema = covers<ParticipantView>()(
  z.object({
    event: eventSummary,
    me: z.object({
      id: z.string(),
      displayName: z.string(),
      organisation: nullableText,
      role: z.string(),
      stage: z.number().int(),
      interests: z.array(z.string()),
      contact: nullableText,
      shareContact: z.boolean(),
      presence: z.enum(PRESENCES),
      staySeated: z.boolean(),
      tableNeeds: features,
    }),
    seat: z
      .object({
        table: z.object({ label: z.string(), topic: nullableText }),
        mates: z.array(
          z.object({
            id: z.string(),
            known: z.boolean(),
            name: z.string(),
            role: z.string(),
            organisation: nullableText,
            stage: z.number().int(),
          }),
        ),
        sharedInterests: z.array(z.string()),
        starter: z.object({ de: z.string(), en: z.string() }).nullable(),
      })
      .nullable(),
    ...timing,
    cafe: participantCafeSchema,
  }),
);

const matchingSettings = z.object({
  weights: z
    .object({
      sameOrg: z.number(),
      roleMix: z.number(),
      stageMix: z.number(),
      interestHook: z.number(),
      topic: z.number(),
    })
    .partial()
    .optional(),
  timeMs: z.number().optional(),
  tableUse: z.enum(TABLE_USES).optional(),
  minPerTable: z.number().optional(),
});

export const moderatorViewSchema = covers<ReturnType<typeof moderatorView>>()(
  z.object({
    event: eventSummary.extend({
      participantCount: z.number().int(),
      minutesPerRound: z.number().int(),
      matching: matchingSettings,
      version: z.number().int(),
      createdAt: timestamp,
      finishedAt: timestamp.nullable(),
    }),
    links: z.object({ join: z.string() }),
    tables: z.array(
      z.object({
        id: z.number().int(),
        label: z.string(),
        seats: z.number().int(),
        topic: nullableText,
        hostParticipantId: nullableText,
        features,
        usedInRounds: z.boolean(),
      }),
    ),
    participants: z.array(
      z.object({
        id: z.string(),
        displayName: z.string(),
        organisation: nullableText,
        role: z.string(),
        stage: z.number().int(),
        interests: z.array(z.string()),
        presence: z.enum(PRESENCES),
        walkIn: z.boolean(),
        simulated: z.boolean(),
        staySeated: z.boolean(),
        tableNeeds: features,
        sharesContact: z.boolean(),
        joinedAt: timestamp,
        tableId: z.number().int().nullable(),
      }),
    ),
    rounds: z.array(
      z.object({
        number: z.number().int(),
        status: z.enum(ROUND_STATUSES),
        startedAt: timestamp,
        endsAt: timestamp,
        endedAt: timestamp.nullable(),
        seated: z.number().int(),
        metrics: metricsSchema,
        seating: z.array(z.object({ tableId: z.number().int(), people: z.array(z.string()) })),
      }),
    ),
    plan: z
      .object({
        current: z.boolean(),
        rounds: z.number().int(),
        firstRound: z.number().int(),
        metrics: metricsSchema,
        eveningMetrics: metricsSchema,
        computedAt: timestamp,
      })
      .nullable(),
    overfullTables: z.array(
      z.object({ tableId: z.number().int(), seated: z.number().int(), seats: z.number().int() }),
    ),
    unmetWishes: z.array(z.string()),
    metrics: metricsSchema.nullable(),
    roleMatrix: z.object({ roles: z.array(z.string()), counts: z.array(z.array(z.number().int())) }),
    ...timing,
    cafe: moderatorCafeSchema,
  }),
);
