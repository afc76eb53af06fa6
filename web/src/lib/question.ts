import { lang } from '../i18n/index.js';
import type { Language } from './types.js';

export type Question = Partial<Record<Language, string | null>>;

/** A round's question in the page's language, else in the other one it was typed in. */
export function questionIn(
  question: Question | null | undefined,
  language: Language = lang.value,
): string | null {
  if (!question) return null;
  return question[language] || question[language === 'de' ? 'en' : 'de'] || null;
}
