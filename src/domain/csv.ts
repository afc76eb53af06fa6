// OWASP CSV injection: a cell a spreadsheet could read as a formula or a DDE call starts with one of
// these, possibly after blanks; fullwidth forms count, since Excel folds them (NFKC) to the ASCII ones.
const FORMULA_START = /^[\s\p{Cc}]*[=+\-@|%]/u;

/**
 * One CSV cell: text that could start a formula gets a leading apostrophe, and every text cell is
 * quoted with its quotes doubled, so a separator inside a value never opens a new cell.
 */
export function csvCell(value: string | number | null): string {
  if (typeof value === 'number') return String(value);
  let text = value ?? '';
  if (FORMULA_START.test(text.normalize('NFKC')) || /^[\t\r\n]/.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}
