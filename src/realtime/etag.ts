import { hash } from 'node:crypto';

/** A view's etag: what a client holds names the view it was sent, so a resume can say "unchanged". */
export const etagOf = (text: string): string => hash('sha1', text, 'base64url').slice(0, 16);
