import { z } from 'zod';
import type { moderatorCafe, participantCafe, screenCafe } from './cafe-views.js';

/** As in view-schemas.ts: the compiler checks that each schema keeps every field of its view. */
const covers =
  <T>() =>
  <S extends z.ZodType<T>>(schema: S) =>
    schema;

const count = z.number().int();
const timestamp = z.number().int().describe('milliseconds since 1970, server clock');
export const questionSchema = z
  .object({ de: z.string().nullable(), en: z.string().nullable() })
  .nullable()
  .describe("the round's question per language; null when none was typed");
const texts = z.array(z.string()).describe('visible takeaways, never with who wrote them');

/** The faces appear only once settled and from `minAnswers` answers on; before, the count alone. */
export const feedbackResultSchema = z.object({
  answers: count,
  good: count.optional(),
  okay: count.optional(),
  poor: count.optional(),
});

export const participantCafeSchema = covers<ReturnType<typeof participantCafe>>()(
  z.object({
    question: questionSchema,
    harvest: z
      .object({
        round: count,
        table: z.string(),
        openUntil: timestamp.nullable().describe('null while the round is live'),
        items: texts,
        count: count.describe('takeaways of the table, hidden ones included'),
        max: count,
      })
      .nullable(),
    feedback: z.object({ round: count, openUntil: timestamp, given: z.boolean() }).nullable(),
  }),
);

export const harvestTablesSchema = z.array(z.object({ label: z.string(), items: texts }));

export const screenCafeSchema = covers<ReturnType<typeof screenCafe>>()(
  z.object({
    question: questionSchema,
    wall: z
      .object({
        round: count.nullable().describe('null: all rounds'),
        rounds: z.array(z.object({ number: count, question: questionSchema, tables: harvestTablesSchema })),
      })
      .nullable(),
    recap: z.object({ feedback: feedbackResultSchema, minAnswers: count }).nullable(),
  }),
);

export const moderatorCafeSchema = covers<ReturnType<typeof moderatorCafe>>()(
  z.object({
    questions: z.array(z.object({ round: count, de: z.string().nullable(), en: z.string().nullable() })),
    harvest: z.array(
      z.object({
        round: count,
        tables: z.array(
          z.object({
            tableId: count,
            label: z.string(),
            items: z.array(z.object({ id: count, text: z.string(), hidden: z.boolean() })),
          }),
        ),
      }),
    ),
    wall: z.object({ round: count.nullable() }).nullable(),
    feedback: z.object({
      rounds: z.array(feedbackResultSchema.extend({ number: count, settled: z.boolean() })),
      overall: feedbackResultSchema,
      minAnswers: count,
    }),
    maxPerTable: count,
  }),
);
