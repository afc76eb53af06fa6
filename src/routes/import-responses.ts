import { z } from 'zod';
import type { ImportPlan, importRegistrations } from '../commands/registrations.js';
import type { siteInfo } from '../config-site.js';
import type { claimView, expectedList } from '../domain/import/expected.js';
import { importMapping } from '../domain/import/mapping.js';
import type { printables } from '../domain/import/printables.js';

/** What the attendee-import, badge, claim and site routes answer; the web client imports the types. */
const covers =
  <T>() =>
  <S extends z.ZodType<T>>(schema: S) =>
    schema;

const label = z.object({ de: z.string(), en: z.string() });
const count = z.number().int();
const rowStatus = z
  .enum(['new', 'update', 'claimed'])
  .describe('new: not seen before; update: the same ticket id again; claimed: kept as its owner checked it');

export const importPreview = covers<ImportPlan>()(
  z
    .object({
      format: z.enum(['csv', 'pretix-json']),
      columns: z.array(z.string()),
      mapping: importMapping
        .nullable()
        .describe('null: no ticket column recognised, the moderator maps by hand'),
      people: z.array(
        z.object({
          line: count,
          ticketId: z.string(),
          displayName: z.string(),
          organisation: z.string().nullable(),
          email: z.string().nullable(),
          role: z.string().nullable(),
          stage: count.nullable(),
          interests: z.array(z.string()),
          status: rowStatus,
        }),
      ),
      errors: z.array(
        z.object({
          line: count,
          field: z.string(),
          problem: z.enum(['missing', 'too_long', 'duplicate']),
          message: z.string(),
        }),
      ),
      unknown: z.array(
        z.object({ line: count, field: z.enum(['role', 'stage', 'interests', 'email']), value: z.string() }),
      ),
      skipped: count.describe('cancelled or expired orders and add-on products'),
    })
    .describe('What an import of this file would do, row by row; nothing is written'),
);
export type ImportPreview = z.output<typeof importPreview>;

export const importDone = covers<Awaited<ReturnType<typeof importRegistrations>>>()(
  z
    .object({ created: count, updated: count, claimed: count, skipped: count, unknown: count })
    .describe('How many expected people were added, updated, or kept because they already claimed'),
);
export type ImportDone = z.output<typeof importDone>;

export const registrationList = covers<ReturnType<typeof expectedList>>()(
  z
    .object({
      expected: count,
      claimed: count,
      registrations: z.array(
        z.object({
          id: z.string(),
          ticketId: z.string(),
          displayName: z.string(),
          organisation: z.string().nullable(),
          claimed: z.boolean(),
        }),
      ),
    })
    .describe('The imported people and whether each has claimed their profile'),
);
export type RegistrationList = z.output<typeof registrationList>;

export const expectedErased = z.object({ erased: count }).describe('How many expected people were erased');
export type ExpectedErased = z.output<typeof expectedErased>;

const qrSvg = z.string().describe('an SVG image of the QR code');
export const badgeSheets = covers<Awaited<ReturnType<typeof printables>>>()(
  z
    .object({
      title: z.string(),
      joinLink: z.string(),
      stageCount: count,
      badges: z.array(
        z.object({
          id: z.string(),
          firstName: z.string(),
          restName: z.string(),
          organisation: z.string().nullable(),
          stage: z.object({ value: count, label }).nullable(),
          qrSvg: qrSvg.describe("the person's own claim link, nothing else"),
        }),
      ),
      tables: z.array(z.object({ label: z.string(), topic: label.nullable(), qrSvg })),
    })
    .describe('Name badges with personal QR codes, and table cards with the join QR code'),
);
export type BadgeSheets = z.output<typeof badgeSheets>;

export const claimProfile = covers<ReturnType<typeof claimView>>()(
  z
    .object({
      claimed: z.boolean(),
      profile: z.object({
        displayName: z.string(),
        organisation: z.string().nullable(),
        role: z.string().nullable(),
        stage: count.nullable(),
        interests: z.array(z.string()),
        contact: z.string().nullable().describe('the e-mail address from the registration, to offer'),
      }),
    })
    .describe('The registered profile behind the personal link'),
);
export type ClaimProfile = z.output<typeof claimProfile>;

export const siteDetails = covers<ReturnType<typeof siteInfo> & { retentionDays: number }>()(
  z
    .object({
      operator: z.object({
        name: z.string().nullable(),
        address: z.array(z.string()).nullable(),
        contact: z.string().nullable(),
      }),
      dpo: z.string().nullable(),
      accessibility: z.object({
        contact: z.string().nullable(),
        enforcementBody: z.object({ name: z.string(), url: z.string().nullable() }).nullable(),
      }),
      retentionDays: count,
    })
    .describe('Who runs this server, the data-protection officer, accessibility contacts; null where unset'),
);
export type SiteDetails = z.output<typeof siteDetails>;
