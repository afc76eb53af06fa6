import { randomKey, store } from '../../lib/storage.js';

const tokenKey = (code: string) => `tw.token.${code}`;
const requestKeyKey = (code: string) => `tw.join.${code}`;

export const participantToken = {
  get: (code: string) => store.get(tokenKey(code)),
  set: (code: string, token: string) => {
    store.set(tokenKey(code), token);
    // The join went through; the next join (after deleting my data) is a new person.
    store.remove(requestKeyKey(code));
  },
  forget: (code: string) => store.remove(tokenKey(code)),
};

/** Kept until the join succeeded, so a retried request (lost answer, double tap) returns the same person. */
export function joinRequestKey(code: string): string {
  let key = store.get(requestKeyKey(code));
  if (!key) {
    key = randomKey(32);
    store.set(requestKeyKey(code), key);
  }
  return key;
}
