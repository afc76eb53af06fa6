import { parse } from 'csv-parse/sync';
import { unprocessable } from '../../errors.js';
import { pretixJsonTable } from './pretix-json.js';

/** A file as columns and rows of text; `line` is where the row starts in the file (or the record number). */
export interface ImportTable {
  format: 'csv' | 'pretix-json';
  columns: string[];
  rows: { line: number; cells: Record<string, string> }[];
  /** Records the export marks as cancelled or expired, or add-on products: not people to expect. */
  skipped: number;
}

export const MAX_IMPORT_ROWS = 2000;

/** A pretix JSON export starts with an object; everything else is read as CSV. */
export function readImportFile(content: string): ImportTable {
  const text = content.replace(/^\uFEFF/, '');
  const table = text.trimStart().startsWith('{') ? pretixJsonTable(text) : csvTable(text);
  if (table.rows.length === 0) throw unprocessable('import_empty', 'The file holds no attendees.');
  if (table.rows.length > MAX_IMPORT_ROWS) {
    throw unprocessable('import_too_large', `At most ${MAX_IMPORT_ROWS} attendees per file.`);
  }
  return table;
}

/** pretix writes commas; spreadsheets in German locales write semicolons: the header line decides. */
function delimiterOf(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

function csvTable(text: string): ImportTable {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw unprocessable('import_unreadable', 'The file is not a readable CSV file.', [
      { line: line ?? null, field: 'file', message: (error as Error).message },
    ]);
  }
  const [header, ...body] = records;
  if (!header) throw unprocessable('import_empty', 'The file holds no attendees.');
  const columns = uniqueNames(header.record);
  const rows = body.map(({ record, info }) => ({
    line: info.lines,
    cells: Object.fromEntries(columns.map((c, i) => [c, record[i] ?? ''])),
  }));
  return { format: 'csv', columns, rows, skipped: 0 };
}

/** Empty or repeated header cells still get a name the mapping can point at. */
function uniqueNames(header: string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, i) => {
    const name = raw.trim() || `Spalte ${i + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}
