import type { RegistrationRow } from '../../db/schema/index.js';

/** Spreadsheet apps run cells starting with these as formulas. */
function cell(value: string | null): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One line per expected person for the organiser's own mail merge: the link is theirs alone. */
export function registrationsCsv(rows: RegistrationRow[], linkOf: (id: string) => string): string {
  const lines = [['ticket_id', 'name', 'organisation', 'email', 'link'].join(',')];
  for (const r of rows) {
    lines.push([r.ticketId, r.displayName, r.organisation, r.email, linkOf(r.id)].map(cell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
