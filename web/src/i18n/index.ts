import { effect, signal } from '@preact/signals';
import type { Language } from '../lib/types.js';
import { type Dictionary, de } from './de.js';
import { en } from './en.js';

const dictionaries: Record<Language, Dictionary> = { de, en };
const CHOICE_KEY = 'tw.lang';

function storedChoice(): Language | null {
  try {
    const value = localStorage.getItem(CHOICE_KEY);
    return value === 'de' || value === 'en' ? value : null;
  } catch {
    return null;
  }
}

/** The page language: German by default, the event's language once known, the person's own choice above all. */
export const lang = signal<Language>(storedChoice() ?? 'de');

export function preselectLanguage(eventLanguage: Language): void {
  if (!storedChoice()) lang.value = eventLanguage;
}

export function chooseLanguage(next: Language): void {
  lang.value = next;
  try {
    localStorage.setItem(CHOICE_KEY, next);
  } catch {
    // The choice then lasts for this visit only.
  }
}

/** The current dictionary; reading it inside a component subscribes that component to language changes. */
export function t(): Dictionary {
  return dictionaries[lang.value];
}

/** A catalogue label `{de, en}` in the current language. */
export function label(text: Record<Language, string>): string {
  return text[lang.value];
}

effect(() => {
  document.documentElement.lang = lang.value;
});

export type { Dictionary };
