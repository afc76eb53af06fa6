import { z } from 'zod';

/** Which column of the file holds what; `ticket` may join several columns (pretix: order code + position). */
export const importMapping = z
  .object({
    ticket: z.array(z.string().min(1).max(200)).min(1).max(3),
    name: z.string().min(1).max(200).optional(),
    givenName: z.string().min(1).max(200).optional(),
    familyName: z.string().min(1).max(200).optional(),
    organisation: z.string().min(1).max(200).optional(),
    email: z.string().min(1).max(200).optional(),
    role: z.string().min(1).max(200).optional(),
    stage: z.string().min(1).max(200).optional(),
    interests: z.string().min(1).max(200).optional(),
    status: z.string().min(1).max(200).optional(),
  })
  .strict();
export type ImportMapping = z.infer<typeof importMapping>;
export type MappedField = Exclude<keyof ImportMapping, 'ticket'>;

const fold = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('de');

/** Header names of pretix exports (English and German) and of common spreadsheets, exact after folding. */
const EXACT: Record<MappedField | 'order' | 'position' | 'ticketId', string[]> = {
  order: ['order code', 'bestellnummer', 'bestellcode'],
  position: ['position id', 'positions-id', 'positionsnummer', 'position'],
  ticketId: ['ticket', 'ticket id', 'ticket-id', 'ticketnummer', 'id', 'nr', 'nummer'],
  name: [
    'attendee name',
    'name',
    'teilnehmername',
    'name des teilnehmers',
    'full name',
    'vollständiger name',
  ],
  givenName: ['attendee name: given name', 'given name', 'first name', 'vorname', 'teilnehmername: vorname'],
  familyName: [
    'attendee name: family name',
    'family name',
    'last name',
    'nachname',
    'teilnehmername: nachname',
  ],
  organisation: ['company', 'firma', 'organisation', 'organization', 'unternehmen', 'institution', 'behörde'],
  email: ['attendee email', 'email', 'e-mail', 'e-mail-adresse', 'email address', 'teilnehmer-e-mail'],
  role: ['role', 'rolle'],
  stage: ['stage', 'stufe', 'open-source stage', 'open-source-stufe'],
  interests: ['interests', 'interessen', 'themen', 'topics'],
  status: ['status', 'bestellstatus', 'order status'],
};
/** Question columns carry the question's text ("Ihre Rolle?"): a word in it is enough for these. */
const CONTAINS: Partial<Record<MappedField, string[]>> = {
  role: ['rolle', 'role'],
  stage: ['stufe', 'stage'],
  interests: ['interesse', 'interest', 'themen'],
  organisation: ['organisation', 'organization', 'firma', 'company'],
};

/** A first guess at the mapping from the header; the moderator sees it and may change every field. */
export function suggestMapping(columns: string[]): ImportMapping | null {
  const exact = (names: string[]) =>
    names.map((n) => columns.find((c) => fold(c) === n)).find((c) => c !== undefined);
  const contains = (words: string[] = []) => columns.find((c) => words.some((w) => fold(c).includes(w)));
  const order = exact(EXACT.order);
  const position = exact(EXACT.position);
  const ticketId = exact(EXACT.ticketId);
  const ticket = order ? [order, ...(position ? [position] : [])] : ticketId ? [ticketId] : null;
  if (!ticket) return null;
  const mapping: ImportMapping = { ticket };
  const fields: MappedField[] = ['name', 'givenName', 'familyName', 'organisation', 'email', 'role'];
  for (const field of [...fields, 'stage', 'interests', 'status'] as const) {
    const column = exact(EXACT[field]) ?? contains(CONTAINS[field]);
    if (column && !ticket.includes(column) && !Object.values(mapping).includes(column))
      mapping[field] = column;
  }
  // pretix exports carry the full name and its parts: the full name is enough.
  if (mapping.name) {
    delete mapping.givenName;
    delete mapping.familyName;
  }
  return mapping;
}

/** The columns a mapping names must exist in the file. */
export function unknownColumns(mapping: ImportMapping, columns: string[]): string[] {
  const named = [
    ...mapping.ticket,
    ...Object.entries(mapping).flatMap(([k, v]) => (k === 'ticket' ? [] : [v])),
  ];
  return named.filter((c): c is string => typeof c === 'string' && !columns.includes(c));
}
