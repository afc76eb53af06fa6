import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { customAlphabet, nanoid } from 'nanoid';

/**
 * What `Authorization: Bearer …` may carry: any visible ASCII (RFC 6750's b64token and more), so an
 * admin token from `openssl rand -base64 32` works. Spaces and non-ASCII cannot travel in that header.
 */
export const BEARER_SECRET = /^[\x21-\x7e]{1,256}$/;

/** 32 characters of nanoid's 64-symbol alphabet: 192 bits. */
export const newSecret = (): string => nanoid(32);

/** Join codes are read off a screen and typed: lowercase, no look-alikes (0/o, 1/l/i). */
export const newJoinCode = customAlphabet('23456789abcdefghjkmnpqrstuvwxyz', 8);

export const newId = (): string => nanoid(16);

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares a presented secret with a stored hash without leaking where they differ. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/**
 * A participant token that a repeated join with the same request key gets again, although only
 * its hash is stored: it is derived from the key with the database's own secret.
 */
export function tokenForRequestKey(serverKey: string, eventId: string, requestKey: string): string {
  return createHmac('sha256', serverKey).update(`${eventId}\n${requestKey}`).digest('base64url').slice(0, 32);
}
