import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auth, createEvent, join } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

/** RFC 4180 rows: what a spreadsheet application reads from the export. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

// OWASP CSV injection: the formula starters, their fullwidth forms (Excel reads ＝ as =), the DDE pipe
// and the percent-encoded line break payloads.
const hostile = [
  '=HYPERLINK("http://evil.example","x")',
  '+SUM(1,2)',
  '-2+3+cmd|/C calc!A0',
  '@SUM(1+1)',
  '＝HYPERLINK("http://evil.example")',
  '＋1',
  '－1',
  '＠SUM(A1)',
  "|cmd /C calc'!A0",
  '%0A=1+1',
  '%0A-1+3+cmd',
];

describe('CSV export', () => {
  it('neutralises every cell a spreadsheet could run as a formula, in name and organisation', async () => {
    const event = await createEvent(t.app);
    for (const [i, text] of hostile.entries()) {
      await join(t.app, event.code, { displayName: text, organisation: `${text} ${i}` });
    }
    await join(t.app, event.code, { displayName: 'Ada Lovelace', organisation: 'Amt; Referat 1, "IT"' });
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/events/${event.code}/export.csv`,
      headers: auth(event.moderator),
    });
    expect(res.statusCode).toBe(200);
    const rows = parseCsv(res.body.replace(/^\ufeff/, ''));
    expect(rows[0]!.slice(0, 2)).toEqual(['name', 'organisation']);
    const people = rows.slice(1);
    expect(people).toHaveLength(hostile.length + 1);
    const ada = people.find((p) => p[0] === 'Ada Lovelace');
    // A harmless cell keeps its text exactly, separators and quotes included.
    expect(ada?.slice(0, 2)).toEqual(['Ada Lovelace', 'Amt; Referat 1, "IT"']);
    const others = people.filter((p) => p !== ada);
    for (const [name, organisation] of others) {
      for (const cell of [name!, organisation!]) {
        expect(cell.startsWith("'"), cell).toBe(true);
      }
    }
    expect(others.map((p) => p[0]!.slice(1)).sort()).toEqual([...hostile].sort());
    // Every text cell is quoted, so a separator inside a value can never start a new cell.
    for (const line of res.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n')) {
      expect(line.startsWith('"'), line).toBe(true);
    }
  });
});
