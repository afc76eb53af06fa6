import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eraseExpected, importRegistrations, planImport } from '../commands/registrations.js';
import { registrationsCsv } from '../domain/import/links-csv.js';
import { importMapping } from '../domain/import/mapping.js';
import { printables } from '../domain/import/printables.js';
import { valueMapInput } from '../domain/import/rows.js';
import { moderatorOf } from '../plugins/auth.js';
import { loadEventState } from '../repositories/event-state.js';
import { tokenKey } from '../repositories/instance.js';
import { registrationsOf } from '../repositories/registrations.js';
import { claimLink, claimSecret } from '../security/claim-links.js';
import { codeParams } from './params.js';

const tags = ['registrations'];
const MAX_FILE = 2 * 1024 * 1024;

const importBody = z
  .object({
    /** The exported file's text: pretix JSON, pretix CSV or any CSV with a header line. */
    content: z.string().min(1).max(MAX_FILE),
    mapping: importMapping.optional(),
    values: valueMapInput.optional(),
  })
  .strict();

const registrationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const serverKey = tokenKey(app.db);
  const fileRoute = { bodyLimit: MAX_FILE * 2 + 64 * 1024 };

  app.post(
    '/api/events/:code/registrations/preview',
    {
      ...fileRoute,
      schema: {
        tags,
        summary: 'Read an attendee file and show what an import would do',
        params: codeParams,
        body: importBody,
      },
    },
    async (request) => {
      const event = moderatorOf(app, request, request.params.code);
      return planImport(app.db, event.id, event.catalogue, request.body);
    },
  );

  app.post(
    '/api/events/:code/registrations',
    {
      ...fileRoute,
      schema: {
        tags,
        summary: 'Import registered attendees as expected people (all rows or none)',
        params: codeParams,
        body: importBody,
      },
    },
    async (request) => {
      const event = moderatorOf(app, request, request.params.code);
      return importRegistrations(app, event.id, serverKey, request.body);
    },
  );

  app.get(
    '/api/events/:code/registrations',
    {
      schema: {
        tags,
        summary: 'The expected people and whether they have claimed their profile',
        params: codeParams,
      },
    },
    async (request) => {
      const event = moderatorOf(app, request, request.params.code);
      const rows = registrationsOf(app.db, event.id);
      return {
        expected: rows.filter((r) => !r.participantId).length,
        claimed: rows.filter((r) => r.participantId).length,
        registrations: rows.map((r) => ({
          id: r.id,
          ticketId: r.ticketId,
          displayName: r.displayName,
          organisation: r.organisation,
          claimed: r.participantId !== null,
        })),
      };
    },
  );

  app.delete(
    '/api/events/:code/registrations',
    {
      schema: {
        tags,
        summary: 'Erase every expected person who has not claimed their profile',
        params: codeParams,
      },
    },
    async (request) => {
      const event = moderatorOf(app, request, request.params.code);
      return { erased: eraseExpected(app, event.id) };
    },
  );

  app.get(
    '/api/events/:code/registrations/links.csv',
    {
      schema: {
        tags,
        summary: 'Personal links for a mail merge (ticket id, name, e-mail, link)',
        params: codeParams,
      },
    },
    async (request, reply) => {
      const event = moderatorOf(app, request, request.params.code);
      const rows = registrationsOf(app.db, event.id).filter((r) => !r.participantId);
      const link = (id: string) =>
        claimLink(app.config.PUBLIC_URL, event.code, claimSecret(serverKey, event.id, id));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="tischwechsel-${event.code}-links.csv"`)
        .send(`\ufeff${registrationsCsv(rows, link)}`);
    },
  );

  app.get(
    '/api/events/:code/badges',
    {
      schema: {
        tags,
        summary: 'Name badges (personal QR codes) and table cards (join QR code)',
        params: codeParams,
      },
    },
    async (request) => {
      const event = moderatorOf(app, request, request.params.code);
      return printables(loadEventState(app.db, event.id)!, registrationsOf(app.db, event.id), {
        publicUrl: app.config.PUBLIC_URL,
        secretOf: (id) => claimSecret(serverKey, event.id, id),
      });
    },
  );
};

export default registrationsRoutes;
