import { t } from '../i18n/index.js';
import { ApiError } from './api.js';

/** A sentence for the person in front of the page: ours where we know the code, the server's otherwise. */
export function errorText(error: unknown): string {
  const dict = t();
  if (error instanceof ApiError) {
    if (error.code === 'network') return dict.errors.network;
    // A code this client does not know (a newer server) falls back to the server's message.
    const known = (dict.errors.codes as Record<string, string | undefined>)[error.code];
    return known ?? error.message;
  }
  return dict.errors.unexpected;
}
