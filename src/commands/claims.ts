import type { RegistrationRow } from '../db/schema/index.js';
import type { JoinInput } from '../domain/inputs.js';
import { AppError, conflict } from '../errors.js';
import type { DbLike } from '../repositories/db-types.js';
import { loadEventState } from '../repositories/event-state.js';
import { findEventById, raiseVersion } from '../repositories/events.js';
import { findByRequestKey, participantCount } from '../repositories/participants.js';
import { findRegistrationById, updateRegistration } from '../repositories/registrations.js';
import { hasLiveRound } from '../repositories/rounds.js';
import { hashSecret, tokenForRequestKey } from '../security/tokens.js';
import { type Joined, joinOne } from './join-one.js';
import { refreshLiveMetrics } from './live-round.js';
import { type CommandContext, tellReplicas } from './unit-of-work.js';

/** Read again inside the claim's transaction: the moderator may have erased the expected list meanwhile. */
async function registrationIn(db: DbLike, eventId: string, registrationId: string): Promise<RegistrationRow> {
  const registration = await findRegistrationById(db, registrationId);
  if (!registration || registration.eventId !== eventId) {
    throw new AppError(401, 'unauthorized', 'This personal link is not (or no longer) valid.');
  }
  return registration;
}

/**
 * An expected person becomes a participant: they checked their profile and accepted the privacy
 * notice. Only now can they be planned, seated and shown. The join itself is the join's own
 * (rules, request key, seating a late arrival); a link works once, and the same request key (a
 * retried request from the same phone) gets the same answer again.
 */
export async function claimRegistration(
  ctx: CommandContext,
  eventId: string,
  registrationId: string,
  input: JoinInput,
  serverKey: string,
): Promise<Joined> {
  const now = ctx.now();
  const joinedOne = { kind: 'changed', eventId, source: 'join' } as const;
  const joined = await ctx.store.transaction(async (tx): Promise<Joined> => {
    await ctx.store.lockEvent(tx, eventId);
    const registration = await registrationIn(tx, eventId, registrationId);
    if (registration.participantId)
      return claimedBefore(tx, eventId, registration.participantId, input, serverKey);
    let seated = false;
    const target = {
      event: await findEventById(tx, eventId),
      count: await participantCount(tx, eventId),
      live: (await hasLiveRound(tx, eventId)) ? ((await loadEventState(tx, eventId)) ?? null) : null,
      onSeated: () => {
        seated = true;
      },
    };
    const result = await joinOne(tx, eventId, input, serverKey, now, target);
    await updateRegistration(tx, registration.id, { participantId: result.participantId });
    // The state the join left, with the person seated in it.
    if (seated && target.live) await refreshLiveMetrics(tx, target.live);
    await raiseVersion(tx, eventId, now);
    await tellReplicas(ctx, tx, joinedOne);
    return { ...result, created: true };
  });
  ctx.changes.announce(joinedOne);
  return joined;
}

/** A claimed link answers only the phone that claimed it (its request key), once more. */
async function claimedBefore(
  db: DbLike,
  eventId: string,
  participantId: string,
  input: JoinInput,
  serverKey: string,
): Promise<Joined> {
  const { requestKey } = input;
  const earlier = requestKey ? await findByRequestKey(db, eventId, hashSecret(requestKey)) : undefined;
  if (!requestKey || earlier?.id !== participantId)
    throw conflict('already_claimed', 'This profile has already been claimed.');
  return { participantId, token: tokenForRequestKey(serverKey, eventId, requestKey), created: false };
}
