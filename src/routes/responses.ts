import { z } from 'zod';
import { LANGUAGES } from '../db/schema/constants.js';
import { feedbackResultSchema, harvestTablesSchema, questionSchema } from '../domain/cafe-view-schemas.js';
import type { seatingPlan, sharedContacts } from '../domain/exports.js';
import type { harvestReport } from '../domain/harvest-export.js';
import type { peopleIKnow, searchPeople } from '../domain/known-people.js';
import {
  metricsSchema,
  moderatorViewSchema,
  participantViewSchema,
  publicInfoSchema,
  screenViewSchema,
} from '../domain/view-schemas.js';

/** What the routes answer besides the views; the web client takes its types from here (`import type`). */
const covers =
  <T>() =>
  <S extends z.ZodType<T>>(schema: S) =>
    schema;

const serverTime = z
  .number()
  .int()
  .describe("the server's clock, milliseconds since 1970: countdowns run on it");

export const ok = z.object({ ok: z.literal(true) }).describe('Done');
export const noContent = z.null().describe('No content');

export const createdEvent = z
  .object({
    code: z.string(),
    moderator: z.string().describe('the moderator secret; shown once, stored only as a hash'),
    screen: z.string().describe('the screen secret; shown once, stored only as a hash'),
    links: z.object({ join: z.string(), moderator: z.string(), screen: z.string() }),
  })
  .describe('The new event: its code, both secrets and the three links');
export type CreatedEvent = z.output<typeof createdEvent>;

export const publicEvent = publicInfoSchema
  .extend({
    links: z.object({ join: z.string() }),
    retentionDays: z.number().int(),
  })
  .describe('What the join page shows');
export type PublicInfo = z.output<typeof publicEvent>;

export const serverInfo = z
  .object({ retentionDays: z.number().int() })
  .describe('Days after an event until its data is erased');
export type ServerInfo = z.output<typeof serverInfo>;

export const newScreenLink = z
  .object({ screen: z.string(), link: z.string() })
  .describe('The new screen secret and link');

export const joined = z
  .object({
    participantId: z.string(),
    token: z.string().describe('the participant token; shown once, stored only as a hash'),
  })
  .describe('Joined');

export const participantState = participantViewSchema
  .extend({ serverTime })
  .describe('My profile, my table and mates, the round');
export const screenState = screenViewSchema.extend({ serverTime }).describe('What the venue screen shows');
export const moderatorState = moderatorViewSchema
  .extend({ serverTime })
  .describe('Everything the console shows');

export const contactList = covers<{ contacts: ReturnType<typeof sharedContacts> }>()(
  z
    .object({
      contacts: z.array(
        z.object({ name: z.string(), organisation: z.string().nullable(), contact: z.string() }),
      ),
    })
    .describe('People I met who share their contact, as I do'),
);
export type SharedContact = z.output<typeof contactList>['contacts'][number];

const knownPerson = z.object({
  id: z.string(),
  name: z.string(),
  organisation: z.string().nullable(),
  known: z.boolean().describe('I said I already know this person (only I see it)'),
});
export const peopleFound = covers<{ people: ReturnType<typeof searchPeople> }>()(
  z.object({ people: z.array(knownPerson) }).describe('People in the room whose name starts so'),
);
export const peopleKnown = covers<{ people: ReturnType<typeof peopleIKnow> }>()(
  z.object({ people: z.array(knownPerson) }).describe('The people I said I already know'),
);
export type KnownPerson = z.output<typeof knownPerson>;

export const roundPreview = z
  .object({
    number: z.number().int(),
    metrics: metricsSchema,
    plannedRounds: z.number().int(),
    tableUse: z.discriminatedUnion('mode', [
      z.object({ mode: z.literal('fewest') }),
      z.object({ mode: z.literal('spread'), minPerTable: z.number().int() }),
    ]),
    tablesUsed: z.number().int(),
    unavoidableRepeats: z.number().int().describe('Repeats no seating can avoid over the evening'),
    remainingMetrics: metricsSchema,
    eveningMetrics: metricsSchema,
    tables: z.array(z.object({ label: z.string(), people: z.array(z.string().nullable()) })),
  })
  .describe('The next round as planned: display names per table, with its metrics');
export type RoundPreview = z.output<typeof roundPreview>;

const planned = { number: z.number().int(), planned: z.boolean() };
export const printablePlan = covers<ReturnType<typeof seatingPlan> & { title: string }>()(
  z
    .object({
      title: z.string(),
      rounds: z.array(
        z.object({ ...planned, seating: z.array(z.object({ name: z.string(), table: z.string() })) }),
      ),
      tables: z.array(
        z.object({
          label: z.string(),
          topic: z.string().nullable(),
          rounds: z.array(z.object({ ...planned, names: z.array(z.string()) })),
        }),
      ),
    })
    .describe('The rounds played, then the planned ones: name → table, and per table who sits there'),
);
export type SeatingPlan = z.output<typeof printablePlan>;

export const walkInAdded = z.object({ participantId: z.string() }).describe('Added');
export const rehearsalAdded = z
  .object({ added: z.number().int() })
  .describe('How many simulated people were added');
export const roundStarted = z.object({ number: z.number().int() }).describe('The round that started');
export const seatGiven = z
  .object({ tableId: z.number().int() })
  .describe('The table the person was seated at');

const roundFeedback = feedbackResultSchema.extend({ number: z.number().int(), settled: z.boolean() });
export const harvestReportSchema = covers<ReturnType<typeof harvestReport>>()(
  z
    .object({
      title: z.string(),
      language: z.enum(LANGUAGES),
      rounds: z.array(
        z.object({
          number: z.number().int(),
          question: questionSchema,
          tables: harvestTablesSchema,
          feedback: roundFeedback,
        }),
      ),
      feedback: feedbackResultSchema,
    })
    .describe('Every round with its question, the visible takeaways per table, the settled feedback'),
);
export type HarvestReport = z.output<typeof harvestReportSchema>;

/** A non-JSON body (SVG, CSV, vCard), documented by its media type. */
export const file = (mediaType: string, description: string) => ({
  description,
  content: { [mediaType]: { schema: z.string() } },
});
