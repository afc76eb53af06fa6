import { store } from './storage.js';
import type { CreatedEvent } from './types.js';

// The screen's secret comes only with the creation answer; this browser keeps it for the console.
const key = (code: string) => `tw.links.${code}`;

export function rememberLinks(created: CreatedEvent): void {
  store.set(key(created.code), JSON.stringify(created.links));
}

export function rememberedLinks(code: string): CreatedEvent['links'] | null {
  try {
    return JSON.parse(store.get(key(code)) ?? 'null');
  } catch {
    return null;
  }
}

export function forgetLinks(code: string): void {
  store.remove(key(code));
}
