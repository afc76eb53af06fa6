import { z } from 'zod';
import { unprocessable } from '../../errors.js';
import type { ImportTable } from './table.js';

/**
 * The parts of pretix's "Order data (JSON)" export we read: the event's questions, its orders and their
 * positions (one per ticket) with the attendee's name, e-mail, company and answers. Everything else in
 * the file is ignored.
 */
const multilingual = z.union([z.string(), z.record(z.string(), z.string())]);
const position = z.looseObject({
  id: z.number().int(),
  positionid: z.number().int().optional(),
  attendee_name: z.string().nullish(),
  attendee_name_parts: z.record(z.string(), z.unknown()).nullish(),
  attendee_email: z.string().nullish(),
  company: z.string().nullish(),
  addon_to: z.number().int().nullish(),
  answers: z.array(z.looseObject({ question: z.number().int(), answer: z.string().nullish() })).default([]),
});
const pretixExport = z.looseObject({
  event: z.looseObject({
    questions: z
      .array(
        z.looseObject({ id: z.number().int(), question: multilingual, identifier: z.string().nullish() }),
      )
      .default([]),
    orders: z.array(
      z.looseObject({
        code: z.string().min(1),
        status: z.string(),
        email: z.string().nullish(),
        positions: z.array(position),
      }),
    ),
  }),
});

/** Paid and pending orders are people to expect; cancelled and expired ones are not. */
const ATTENDING = new Set(['p', 'n']);

export const PRETIX_JSON_COLUMNS = [
  'Order code',
  'Position ID',
  'Attendee name',
  'Attendee email',
  'Company',
];

function questionText(q: z.infer<typeof multilingual>): string {
  return typeof q === 'string' ? q : (q.de ?? q.en ?? Object.values(q)[0] ?? '');
}

function nameOf(p: z.infer<typeof position>): string {
  if (p.attendee_name) return p.attendee_name;
  const parts = p.attendee_name_parts ?? {};
  return ['given_name', 'family_name'].map((k) => (typeof parts[k] === 'string' ? parts[k] : '')).join(' ');
}

export function pretixJsonTable(text: string): ImportTable {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw unprocessable('import_unreadable', 'The file is not valid JSON.');
  }
  const parsed = pretixExport.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw unprocessable('import_unreadable', 'The JSON file is not a pretix order export.', [
      { line: null, field: issue.path.join('.'), message: issue.message },
    ]);
  }
  const questions = new Map(parsed.data.event.questions.map((q) => [q.id, questionText(q.question)]));
  const columns = [...PRETIX_JSON_COLUMNS, ...new Set(questions.values())];
  const rows: ImportTable['rows'] = [];
  let record = 0;
  let skipped = 0;
  for (const order of parsed.data.event.orders) {
    for (const p of order.positions) {
      record += 1;
      if (!ATTENDING.has(order.status) || p.addon_to != null) {
        skipped += 1;
        continue;
      }
      const cells: Record<string, string> = {
        'Order code': order.code,
        'Position ID': String(p.positionid ?? p.id),
        'Attendee name': nameOf(p),
        'Attendee email': p.attendee_email ?? order.email ?? '',
        Company: p.company ?? '',
      };
      for (const a of p.answers) {
        const q = questions.get(a.question);
        if (q) cells[q] = a.answer ?? '';
      }
      rows.push({ line: record, cells });
    }
  }
  return { format: 'pretix-json', columns, rows, skipped };
}
