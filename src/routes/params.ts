import { z } from 'zod';
import { EVENT_CODE, PARTICIPANT_ID } from '../shared/ids.js';

export const participantId = z.string().regex(PARTICIPANT_ID);
export const codeParams = z.object({ code: z.string().regex(EVENT_CODE, 'must be an event code') });
export const participantParams = codeParams.extend({ participantId });
export const tableParams = codeParams.extend({ tableId: z.coerce.number().int().positive() });

/** Links to the three pages; secrets go in the fragment, which browsers never send to a server. */
type Secrets = { moderator: string; screen: string };
export function eventLinks(publicUrl: string, code: string): { join: string };
export function eventLinks(publicUrl: string, code: string, secrets: Secrets): { join: string } & Secrets;
export function eventLinks(publicUrl: string, code: string, secrets?: Secrets) {
  return {
    join: `${publicUrl}/j/${code}`,
    ...(secrets && {
      moderator: `${publicUrl}/m/${code}#${secrets.moderator}`,
      screen: `${publicUrl}/s/${code}#${secrets.screen}`,
    }),
  };
}
