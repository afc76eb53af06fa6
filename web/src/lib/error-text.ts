import { t } from '../i18n/index.js';
import { ApiError } from './api.js';

/** A sentence for the person in front of the page: ours where we know the code, the server's otherwise. */
export function errorText(error: unknown): string {
  const dict = t();
  if (error instanceof ApiError) {
    if (error.code === 'network') return dict.errors.network;
    const known = dict.errors.codes[error.code as keyof typeof dict.errors.codes];
    return known ?? error.message;
  }
  return dict.errors.unexpected;
}
