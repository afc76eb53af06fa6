// Control and format characters (bidi overrides, isolates and marks, zero-width characters, soft hyphens,
// tags), lone surrogates and the invisible Hangul fillers: they make a name render differently from what
// it says (reversed text on the venue screen, invisible impostors). Unicode classes rather than a list of
// ranges, so none is forgotten (U+061C, the Arabic letter mark, once was).
const UNSAFE = /[\p{Cc}\p{Cf}\p{Cs}\u115f\u1160\u3164\uffa0]/gu;

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
