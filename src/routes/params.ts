import { z } from 'zod';

export const codeParams = z.object({ code: z.string().regex(/^[a-z0-9]{4,16}$/, 'must be an event code') });
export const participantParams = codeParams.extend({
  participantId: z.string().regex(/^[A-Za-z0-9_-]{8,32}$/),
});
export const tableParams = codeParams.extend({ tableId: z.coerce.number().int().positive() });

/** Links to the three pages; secrets go in the fragment, which browsers never send to a server. */
export function eventLinks(publicUrl: string, code: string, secrets?: { moderator: string; screen: string }) {
  return {
    join: `${publicUrl}/j/${code}`,
    ...(secrets && {
      moderator: `${publicUrl}/m/${code}#${secrets.moderator}`,
      screen: `${publicUrl}/s/${code}#${secrets.screen}`,
    }),
  };
}
