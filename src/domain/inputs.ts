import { z } from 'zod';
import { LANGUAGES, PRESENCES, TABLE_FEATURES } from '../db/schema/constants.js';
import { REQUEST_KEY } from '../shared/ids.js';
import { LIMITS } from '../shared/limits.js';
import { CATALOGUE_TEMPLATES } from './catalogue.js';
import { contactKind } from './contact.js';
import { TABLE_USES } from './event-settings.js';
import { normaliseText } from './text.js';

/** Free text a person types, cleaned before it is stored or shown anywhere. */
const text = (max: number) =>
  z
    .string()
    .max(max * 4)
    .transform((v) => normaliseText(v, max));
const requiredText = (max: number) => text(max).pipe(z.string().min(1, 'must contain a visible character'));
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v ? v : null));

const key = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'must be a lowercase key');
const label = z.object({ de: requiredText(80), en: requiredText(80) });

export const catalogueSchema = z
  .object({
    roles: z.array(z.object({ key, label })).min(1).max(20),
    stages: z
      .array(z.object({ key, value: z.number().int().min(0).max(4), label, description: label }))
      .min(1)
      .max(5),
    interests: z
      .array(
        z.object({
          key,
          label,
          starters: z.object({
            de: z.array(requiredText(200)).min(1).max(10),
            en: z.array(requiredText(200)).min(1).max(10),
          }),
        }),
      )
      .min(1)
      .max(40),
  })
  .refine(
    (c) => unique(c.roles.map((r) => r.key)) && unique(c.interests.map((i) => i.key)),
    'keys must be unique',
  )
  .refine((c) => unique(c.stages.map((s) => s.value)), 'stage values must be unique');

function unique(values: unknown[]): boolean {
  return new Set(values).size === values.length;
}

/** The one contact rule for every form that takes a contact (join, profile edit). */
export const contact = text(LIMITS.contact)
  .nullish()
  .transform((v) => (v ? v : null))
  .refine(
    (v) => v === null || contactKind(v) !== null,
    'must be an e-mail address or an http(s) web address with a domain name',
  );

const tableFeatures = z
  .array(z.enum(TABLE_FEATURES))
  .max(TABLE_FEATURES.length)
  .refine(unique, 'features must not repeat')
  .default([]);

export const profileInput = z
  .object({
    displayName: requiredText(LIMITS.displayName),
    organisation: optionalText(LIMITS.organisation),
    role: key,
    stage: z.number().int().min(0).max(4),
    interests: z.array(key).max(LIMITS.interests).refine(unique, 'interests must not repeat').default([]),
    staySeated: z.boolean().default(false),
    tableNeeds: tableFeatures,
  })
  .strict();
export type ProfileInput = z.infer<typeof profileInput>;
/** A profile made inside the service (rehearsal, hosts): seating wishes default to none. */
export type NewProfile = Omit<ProfileInput, 'staySeated' | 'tableNeeds'> &
  Partial<Pick<ProfileInput, 'staySeated' | 'tableNeeds'>>;

const tableSpec = z
  .object({
    /** An existing table of the event, when changing the layout; absent for a new table. */
    id: z.number().int().positive().optional(),
    label: requiredText(LIMITS.tableLabel),
    seats: z.number().int().min(LIMITS.seatsMin).max(LIMITS.seatsMax),
    topic: key.nullish().transform((v) => v ?? null),
    /** Step-free, quiet: people who ask for such a table sit only at one. */
    features: tableFeatures,
    /** A person (typed in like a walk-in) who stays at this table every round. */
    host: profileInput.nullish().transform((v) => v ?? null),
  })
  .strict();

export const tablesInput = z.union([
  z.object({
    count: z.number().int().min(1).max(LIMITS.tables),
    seats: z.number().int().min(LIMITS.seatsMin).max(LIMITS.seatsMax),
  }),
  z.array(tableSpec).min(1).max(LIMITS.tables),
]);

export type TablesInput = z.infer<typeof tablesInput>;

export const matchingInput = z
  .object({
    weights: z
      .object({
        sameOrg: z.number().min(0).max(1000),
        roleMix: z.number().min(0).max(1000),
        stageMix: z.number().min(0).max(1000),
        interestHook: z.number().min(0).max(1000),
        topic: z.number().min(0).max(1000),
      })
      .partial()
      .optional(),
    timeMs: z.number().int().min(10).max(900).optional(),
    /** auto: spread over the tables set up when their seats differ, else fill the fewest. */
    tableUse: z.enum(TABLE_USES).optional(),
    minPerTable: z.number().int().min(2).max(20).optional(),
  })
  .strict();

export const createEventInput = z
  .object({
    title: requiredText(LIMITS.title),
    language: z.enum(LANGUAGES).default('de'),
    tables: tablesInput,
    minutesPerRound: z.number().int().min(1).max(LIMITS.minutesPerRound).default(10),
    plannedRounds: z.number().int().min(1).max(LIMITS.plannedRounds).default(4),
    matching: matchingInput.default({}),
    template: z.enum(CATALOGUE_TEMPLATES).default('oss-verwaltung'),
    catalogue: catalogueSchema.optional(),
  })
  .strict();
export type CreateEventInput = z.infer<typeof createEventInput>;

export const updateEventInput = z
  .object({
    title: requiredText(LIMITS.title),
    language: z.enum(LANGUAGES),
    minutesPerRound: z.number().int().min(1).max(LIMITS.minutesPerRound),
    plannedRounds: z.number().int().min(1).max(LIMITS.plannedRounds),
    joinOpen: z.boolean(),
    matching: matchingInput,
    tables: tablesInput,
  })
  .partial()
  .strict();
export type UpdateEventInput = z.infer<typeof updateEventInput>;

export const joinInput = profileInput
  .extend({
    contact,
    shareContact: z.boolean().default(false),
    privacyAccepted: z.literal(true, 'the privacy notice must be accepted'),
    /** Random per join attempt, kept by the client, so a retried request returns the same person. */
    requestKey: z.string().regex(REQUEST_KEY).optional(),
  })
  .strict();
export type JoinInput = z.infer<typeof joinInput>;

export const updateOwnInput = profileInput
  .extend({
    contact,
    shareContact: z.boolean(),
    presence: z.enum(['present', 'break', 'left']),
  })
  .partial()
  .strict();
export type UpdateOwnInput = z.infer<typeof updateOwnInput>;

export const presenceInput = z.object({ presence: z.enum(PRESENCES) }).strict();
