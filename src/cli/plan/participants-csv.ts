import { InputError, parseWith } from './input-error.js';
import { type Participant, participantSchema } from './instance-schema.js';

/** RFC 4180 fields; a header with semicolons and no commas (German spreadsheets) switches the separator. */
function parseCsv(source: string): string[][] {
  const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
  const separator = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((cell) => cell.trim() !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  row.push(field);
  if (row.some((cell) => cell.trim() !== '')) rows.push(row);
  return rows;
}

const COLUMN_ALIASES: Record<string, string> = {
  id: 'id',
  name: 'name',
  organisation: 'organisation',
  organization: 'organisation',
  org: 'organisation',
  role: 'role',
  rolle: 'role',
  stage: 'stage',
  stufe: 'stage',
  interests: 'interests',
  interessen: 'interests',
};

/** Participants from a CSV with a header row; each line is checked like a participant of the JSON instance. */
export function participantsFromCsv(source: string): Participant[] {
  const [header, ...rows] = parseCsv(source.replace(/^\uFEFF/, ''));
  if (!header)
    throw new InputError(
      'input: the CSV is empty (expected a header id,name,organisation,role,stage,interests)',
    );
  const columns = header.map((cell) => COLUMN_ALIASES[cell.trim().toLowerCase()] ?? null);
  if (!columns.includes('id'))
    throw new InputError(
      'input: the CSV header has no id column (expected id,name,organisation,role,stage,interests)',
    );
  return rows.map((cells, index) => {
    const record: Record<string, unknown> = {};
    columns.forEach((column, c) => {
      if (column) record[column] = (cells[c] ?? '').trim();
    });
    record.interests = String(record.interests ?? '')
      .split(/[;|]/)
      .map((s) => s.trim())
      .filter(Boolean);
    return parseWith(participantSchema, record, `CSV line ${index + 2}, `);
  });
}
