import { z } from 'zod';

// zod's own grammars: an e-mail address as browsers validate it (no "javascript:…@a.bc"), and an
// http(s) URL whose host is a real domain name (no "http://a").
const email = z.email();
const webAddress = z.httpUrl();

export type ContactKind = 'email' | 'url';

/** What a typed contact is, or null when it is neither an e-mail address nor an http(s) web address. */
export function contactKind(value: string): ContactKind | null {
  if (email.safeParse(value).success) return 'email';
  if (webAddress.safeParse(value).success) return 'url';
  return null;
}
