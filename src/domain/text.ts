// Control characters, bidi overrides and isolates, zero-width characters: they make a name render
// differently from what it says (reversed text on the venue screen, invisible impostors).
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;

/** Normalises free text a person typed: NFC, no control or bidi characters, single spaces, capped. */
export function normaliseText(value: string, maxLength: number): string {
  const clean = value.normalize('NFC').replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  return Array.from(clean).slice(0, maxLength).join('').trim();
}

/** How the matching engine and the same-organisation rule compare organisations. */
export function organisationKey(organisation: string | null): string | null {
  const key = organisation?.trim().toLocaleLowerCase('de') ?? '';
  return key === '' ? null : key;
}
