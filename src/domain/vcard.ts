import { contactKind } from './contact.js';

export interface VcardContact {
  name: string;
  organisation: string | null;
  contact: string;
}

/** A TEXT value (RFC 6350 §3.4, RFC 2426 §5): backslash, comma, semicolon and line breaks escaped. */
const text = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n').replace(/,/g, '\\,').replace(/;/g, '\\;');

/** Content lines over 75 octets are folded (RFC 6350 §3.2), never inside a UTF-8 sequence. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the continuation line's leading space counts
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function card(c: VcardContact): string[] {
  // We hold one display name and cannot know which part is the family name: it goes in N as given name.
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', `FN:${text(c.name)}`, `N:;${text(c.name)};;;`];
  if (c.organisation) lines.push(`ORG:${text(c.organisation)}`);
  // A URI is not TEXT: it is written as it is (validated, so it holds no line break or blank).
  if (contactKind(c.contact) === 'email') lines.push(`EMAIL;TYPE=INTERNET:${text(c.contact)}`);
  else lines.push(`URL:${c.contact}`);
  lines.push('END:VCARD');
  return lines.map(fold);
}

export function contactsVcard(contacts: VcardContact[]): string {
  return contacts.map((c) => `${card(c).join('\r\n')}\r\n`).join('');
}
