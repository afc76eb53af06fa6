import { createHmac } from 'node:crypto';
import { hashSecret } from './tokens.js';

/**
 * A registration's personal claim secret. Derived with the database's own key rather than stored, so
 * badges and the mail-merge list can be produced again; only its hash is kept, for the lookup.
 */
export function claimSecret(serverKey: string, eventId: string, registrationId: string): string {
  return createHmac('sha256', serverKey)
    .update(`claim\n${eventId}\n${registrationId}`)
    .digest('base64url')
    .slice(0, 32);
}

export const claimHashOf = (serverKey: string, eventId: string, registrationId: string) =>
  hashSecret(claimSecret(serverKey, eventId, registrationId));

/** The personal link on the badge and in the organiser's mail: the secret rides in the fragment. */
export const claimLink = (publicUrl: string, code: string, secret: string) =>
  `${publicUrl}/c/${code}#${secret}`;
