import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { badgeSheetsOf, claimLinksCsv } from '../commands/printables.js';
import { eraseExpected, importRegistrations, planImport } from '../commands/registrations.js';
import { expectedList } from '../domain/import/expected.js';
import { importMapping } from '../domain/import/mapping.js';
import { valueMapInput } from '../domain/import/rows.js';
import { errorResponses } from '../plugins/errors.js';
import { registrationsOf } from '../repositories/registrations.js';
import { sendDownload } from './downloads.js';
import {
  badgeSheets,
  expectedErased,
  importDone,
  importPreview,
  registrationList,
} from './import-responses.js';
import { codeParams } from './params.js';
import { file } from './responses.js';

const tags = ['registrations'];
const config = { audience: 'moderator' } as const;
const MAX_FILE = 2 * 1024 * 1024;

const importBody = z
  .object({
    content: z
      .string()
      .min(1)
      .max(MAX_FILE)
      .describe('the exported file: pretix JSON or CSV, any CSV with a header'),
    mapping: importMapping.optional(),
    values: valueMapInput.optional(),
  })
  .strict();

const registrationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const links = { db: app.db, publicUrl: app.config.PUBLIC_URL, serverKey: app.tokenKey };
  // A file of 2000 attendees with long question columns, as JSON text inside a JSON body.
  const bodyLimit = MAX_FILE * 2 + 64 * 1024;

  app.post(
    '/api/events/:code/registrations/preview',
    {
      bodyLimit,
      schema: {
        tags,
        summary: 'Read an attendee file and show what an import would do',
        params: codeParams,
        body: importBody,
        response: { 200: importPreview, ...errorResponses(422) },
      },
      config,
    },
    async (request) => planImport(app.db, request.event.id, request.event.catalogue, request.body),
  );

  app.post(
    '/api/events/:code/registrations',
    {
      bodyLimit,
      schema: {
        tags,
        summary: 'Import registered attendees as expected people (all rows or none)',
        params: codeParams,
        body: importBody,
        response: { 200: importDone, ...errorResponses(409, 422) },
      },
      config,
    },
    async (request) => await importRegistrations(app, request.event.id, links.serverKey, request.body),
  );

  app.get(
    '/api/events/:code/registrations',
    {
      schema: {
        tags,
        summary: 'The expected people and whether they have claimed their profile',
        params: codeParams,
        response: { 200: registrationList },
      },
      config,
    },
    async (request) => expectedList(await registrationsOf(app.db, request.event.id)),
  );

  app.delete(
    '/api/events/:code/registrations',
    {
      schema: {
        tags,
        summary: 'Erase every expected person who has not claimed their profile',
        params: codeParams,
        response: { 200: expectedErased, ...errorResponses(409) },
      },
      config,
    },
    async (request) => ({ erased: await eraseExpected(app, request.event.id) }),
  );

  app.get(
    '/api/events/:code/registrations/links.csv',
    {
      schema: {
        tags,
        summary: 'Personal links for a mail merge (ticket id, name, e-mail, link)',
        params: codeParams,
        response: { 200: file('text/csv', 'One line per expected person with their link (UTF-8 with BOM)') },
      },
      config,
    },
    async (request, reply) =>
      sendDownload(reply, `${request.event.code}-links`, 'csv', await claimLinksCsv(links, request.event)),
  );

  app.get(
    '/api/events/:code/badges',
    {
      schema: {
        tags,
        summary: 'Name badges (personal QR codes) and table cards (join QR code)',
        params: codeParams,
        response: { 200: badgeSheets },
      },
      config,
    },
    async (request) => await badgeSheetsOf(links, request.event),
  );
};

export default registrationsRoutes;
