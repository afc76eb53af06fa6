/** The JSON instance the plan command reads (documented in docs/matching.md, "The plan command"). */
import { z } from 'zod';

const STAGE_KEYS = ['neugierig', 'nutzen', 'beitragen', 'veroeffentlichen', 'strategie'];
const text = z.string().trim();
const optionalText = z
  .string()
  .trim()
  .nullish()
  .transform((value) => (value ? value : null));
const stage = z
  .union([z.number(), z.string().trim()])
  .nullish()
  .transform((value, ctx) => {
    if (value === null || value === undefined || value === '') return null;
    const ordinal =
      typeof value === 'number'
        ? value
        : STAGE_KEYS.includes(value)
          ? STAGE_KEYS.indexOf(value)
          : Number(value);
    if (Number.isInteger(ordinal) && ordinal >= 0 && ordinal <= 4) return ordinal;
    ctx.addIssue({ code: 'custom', message: `expected a stage 0–4 or one of ${STAGE_KEYS.join(', ')}` });
    return z.NEVER;
  });

export const participantSchema = z.object({
  id: text.min(1, 'must not be empty'),
  name: optionalText,
  organisation: optionalText,
  role: optionalText,
  stage,
  interests: z.array(text.min(1)).max(5, 'at most 5 interests').default([]),
});
const tableSchema = z.object({
  label: z.union([text.min(1), z.number()]).transform(String),
  seats: z.number().int().min(1, 'at least 1 seat'),
  topic: optionalText,
  hostId: optionalText,
});
const tablesSchema = z.union([
  z.array(tableSchema).min(1, 'at least one table'),
  z.object({ count: z.number().int().min(1), seats: z.number().int().min(1) }),
]);
export const instanceSchema = z.object({
  tables: tablesSchema.optional(),
  rounds: z.number().int().min(1).max(100).optional(),
  participants: z.array(participantSchema),
  history: z.array(z.array(z.array(z.string()))).default([]),
  seed: z.number().int().optional(),
});

export type Participant = z.infer<typeof participantSchema>;
