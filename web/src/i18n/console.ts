import { consoleDe } from './console-de.js';
import { consoleEn } from './console-en.js';
import { lang } from './index.js';

/** The console's own texts in the current language; like t(), reading it subscribes the component. */
export function tc() {
  return lang.value === 'en' ? consoleEn : consoleDe;
}
