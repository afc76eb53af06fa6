import { type CafeDictionary, cafeDe } from './cafe-de.js';
import { cafeEn } from './cafe-en.js';
import { lang } from './index.js';

/**
 * The World Café texts in the current language. Kept out of the main dictionary so that only the
 * pages that show these parts load them (the join page has a size budget).
 */
export function ct(): CafeDictionary {
  return lang.value === 'en' ? cafeEn : cafeDe;
}
