// Control and format characters (bidi overrides, isolates and marks, zero-width characters, soft hyphens,
// tags), lone surrogates and the invisible Hangul fillers: they make a name render differently from what
// it says (reversed text on the venue screen, invisible impostors). Unicode classes rather than a list of
// ranges, so none is forgotten (U+061C, the Arabic letter mark, once was). ZWJ and ZWNJ are format
// characters too, but real names need them in some places: see joinerBelongs.
const UNSAFE = /[\p{Cc}\p{Cf}\p{Cs}\u115f\u1160\u3164\uffa0]/u;
const ZWNJ = '\u200c';
const ZWJ = '\u200d';

/** At most this many combining marks on one base character: real scripts stack a few, "Zalgo" 60. */
export const MAX_MARKS_PER_BASE = 4;

const MARK = /\p{M}/u;
// Characters that show something; U+2800 (braille blank) is a symbol that shows nothing.
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;
const BLANK_SYMBOLS = /[\u2800]/gu;

const PICTOGRAPH = /\p{Extended_Pictographic}/u;
// What may sit between a pictograph and a following ZWJ: the emoji presentation selector, skin tones.
const EMOJI_TAIL = /[\ufe0f\u{1f3fb}-\u{1f3ff}]/u;
// The virama (canonical combining class 9) of the Indic and South-East Asian scripts: a ZWJ or ZWNJ
// after it chooses the conjunct form (क्‍ष, ന്‌മ, ශ්‍රී).
const VIRAMA =
  /[\u094d\u09cd\u0a4d\u0acd\u0b4d\u0bcd\u0c4d\u0ccd\u0d3b\u0d3c\u0d4d\u0dca\u0e3a\u0f84\u1039\u103a\u1714\u1734\u17d2\u1a60\u1b44\u1baa\u1bab\u1bf2\u1bf3\ua806\ua8c4\ua953\ua9c0\uaaf6\uabed\u{10a3f}\u{11046}\u{1107f}\u{110b9}\u{11133}\u{111c0}\u{11235}\u{112ea}\u{1134d}\u{11442}\u{114c2}\u{115bf}\u{1163f}\u{116b6}\u{1172b}]/u;
// Scripts whose letters join (RFC 5892, CONTEXTJ): a ZWNJ or ZWJ between two of their letters
// chooses the joined or separate form (Persian می‌خواهم).
const JOINING =
  /[\p{Script_Extensions=Arabic}\p{Script_Extensions=Syriac}\p{Script_Extensions=Nko}\p{Script_Extensions=Mongolian}\p{Script_Extensions=Mandaic}\p{Script_Extensions=Manichaean}\p{Script_Extensions=Adlam}\p{Script_Extensions=Hanifi_Rohingya}\p{Script_Extensions=Psalter_Pahlavi}]/u;

/** Whether the ZWJ/ZWNJ at position i is part of the text (an emoji sequence, a conjunct, a joining form). */
function joinerBelongs(chars: string[], i: number): boolean {
  const before = chars[i - 1] ?? '';
  const after = chars[i + 1] ?? '';
  if (VIRAMA.test(before)) return after !== '' && !UNSAFE.test(after);
  if (chars[i] === ZWJ) {
    let j = i - 1;
    while (j > 0 && EMOJI_TAIL.test(chars[j]!)) j--;
    if (PICTOGRAPH.test(chars[j] ?? '') && PICTOGRAPH.test(after)) return true;
  }
  // Skip the marks on the letter before (Arabic vowel signs sit between the letters).
  let k = i - 1;
  while (k > 0 && MARK.test(chars[k]!)) k--;
  return (
    JOINING.test(chars[k] ?? '') &&
    /\p{L}/u.test(chars[k] ?? '') &&
    JOINING.test(after) &&
    /\p{L}/u.test(after)
  );
}

/** Removes what is unsafe, keeps joiners where they belong, caps stacked marks; blanks become spaces. */
function cleanCharacters(value: string): string {
  const chars = Array.from(value);
  let out = '';
  let marks = 0;
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (char === ZWJ || char === ZWNJ) {
      out += joinerBelongs(chars, i) ? char : ' ';
      continue;
    }
    if (UNSAFE.test(char)) {
      out += ' ';
      marks = 0;
      continue;
    }
    if (MARK.test(char)) {
      marks += 1;
      if (marks > MAX_MARKS_PER_BASE) continue;
    } else marks = 0;
    out += char;
  }
  return out;
}

/** True when the text shows at least one character: not only blanks, joiners, marks or fillers. */
export function hasVisibleCharacter(value: string): boolean {
  return VISIBLE.test(value.replace(BLANK_SYMBOLS, ''));
}

/**
 * Normalises free text a person typed: NFC, no control or bidi characters, joiners only where a script
 * or an emoji sequence needs them, at most a few marks per character, single spaces, capped. Text that
 * shows nothing becomes empty.
 */
export function normaliseText(value: string, maxLength: number): string {
  const clean = cleanCharacters(value.normalize('NFC')).replace(/\s+/g, ' ').trim();
  const capped = Array.from(clean)
    .slice(0, maxLength)
    .join('')
    .replace(/[\u200c\u200d]+$/u, '')
    .trim();
  return hasVisibleCharacter(capped) ? capped : '';
}

/** How the matching engine and the same-organisation rule compare organisations. */
export function organisationKey(organisation: string | null): string | null {
  const key = organisation?.trim().toLocaleLowerCase('de') ?? '';
  return key === '' ? null : key;
}
