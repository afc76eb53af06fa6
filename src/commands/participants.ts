import type { Presence } from '../db/schema/constants.js';
import type { ParticipantRow, PlanRow } from '../db/schema/index.js';
import { assertInCatalogue } from '../domain/catalogue-rules.js';
import { type EventState, liveRound } from '../domain/event-state.js';
import type { NewProfile, UpdateOwnInput } from '../domain/inputs.js';
import { assertRoomFor } from '../domain/join-rules.js';
import { assertActive } from '../domain/round-rules.js';
import { conflict } from '../errors.js';
import { ERASED_WITH_PERSON, erasePhysically } from '../repositories/erasure.js';
import { deleteSimulated } from '../repositories/moderator-erasure.js';
import {
  clearHosting,
  deleteKnownPair,
  deleteParticipant,
  insertKnownPair,
  insertParticipant,
  setHost,
  updateParticipant,
} from '../repositories/participants.js';
import { upsertPlan } from '../repositories/plans.js';
import { newId } from '../security/tokens.js';
import { refreshLiveMetrics, seatIfRoundLive } from './live-round.js';
import { type CommandContext, commit } from './unit-of-work.js';

/** Walk-ins typed in by the moderator, or simulated people for a rehearsal; none of them has a token. */
export async function addPeople(
  ctx: CommandContext,
  eventId: string,
  profiles: NewProfile[],
  kind: 'walk_in' | 'rehearsal',
): Promise<string[]> {
  return commit(ctx, eventId, kind, async (tx, state) => {
    assertActive(state);
    assertRoomFor(state.participants.length, profiles.length);
    for (const profile of profiles) assertInCatalogue(state.event.catalogue, profile);
    let current = state;
    let seatedAny = false;
    const ids: string[] = [];
    // One after another: each person is seated against the table as the one before left it.
    for (const profile of profiles) {
      const row = await insertParticipant(tx, {
        id: newId(),
        eventId,
        ...profile,
        walkIn: kind === 'walk_in',
        simulated: kind === 'rehearsal',
        joinedAt: new Date(ctx.now()),
      });
      current = { ...current, participants: [...current.participants, row] };
      if ((await seatIfRoundLive(tx, current, row.id)) !== null) seatedAny = true;
      ids.push(row.id);
    }
    // One re-measure for the whole batch, not one per person seated.
    if (seatedAny) await refreshLiveMetrics(tx, current);
    return { result: ids, details: { count: ids.length } };
  });
}

export async function setTableHost(
  ctx: CommandContext,
  eventId: string,
  tableId: number,
  participantId: string | null,
): Promise<void> {
  await commit(ctx, eventId, 'set_host', async (tx, state) => {
    if (!state.tables.some((t) => t.id === tableId))
      throw conflict('unknown_table', 'No such table in this event.');
    if (participantId !== null && !state.participants.some((p) => p.id === participantId)) {
      throw conflict('unknown_participant', 'No such participant in this event.');
    }
    if (participantId !== null) await clearHosting(tx, participantId);
    await setHost(tx, tableId, participantId);
    return { result: undefined, details: { tableId, participantId } };
  });
}

export async function updateOwnProfile(
  ctx: CommandContext,
  eventId: string,
  participantId: string,
  input: UpdateOwnInput,
): Promise<void> {
  await commit(ctx, eventId, 'update_profile', async (tx, state) => {
    assertInCatalogue(state.event.catalogue, input);
    if (input.presence && state.event.status === 'finished') {
      throw conflict('event_finished', 'The event has finished.');
    }
    const row = (await updateParticipant(tx, eventId, participantId, input))!;
    if (input.presence === 'present') await seatAndMeasure(tx, withParticipant(state, row), participantId);
    return { result: undefined };
  });
}

export async function setPresence(
  ctx: CommandContext,
  eventId: string,
  participantId: string,
  presence: Presence,
): Promise<void> {
  await commit(ctx, eventId, 'presence', async (tx, state) => {
    assertActive(state);
    const row = await updateParticipant(tx, eventId, participantId, { presence });
    if (!row) throw conflict('unknown_participant', 'No such participant in this event.');
    if (presence === 'present') await seatAndMeasure(tx, withParticipant(state, row), participantId);
    return { result: undefined, details: { participantId, presence } };
  });
}

/** Erases one person (themselves, or by the moderator) with their seats; physical before it returns. */
export async function eraseParticipant(
  ctx: CommandContext,
  eventId: string,
  participantId: string,
): Promise<void> {
  await erasePhysically(ctx.store, ERASED_WITH_PERSON, () =>
    commit(ctx, eventId, 'erase_participant', async (tx, state) => {
      await deleteParticipant(tx, eventId, participantId);
      // The stored plan names the person too; it is stale now and re-planned, but must not keep them.
      if (state.plan) await upsertPlan(tx, eventId, withoutPerson(state.plan, participantId));
      return { result: undefined };
    }),
  );
}

async function seatAndMeasure(
  tx: Parameters<typeof seatIfRoundLive>[0],
  state: EventState,
  participantId: string,
): Promise<void> {
  if ((await seatIfRoundLive(tx, state, participantId)) !== null) await refreshLiveMetrics(tx, state);
}

function withoutPerson(plan: PlanRow, participantId: string): PlanRow {
  const rounds = plan.rounds.map((round) =>
    round.map((t) => ({ tableId: t.tableId, people: t.people.filter((id) => id !== participantId) })),
  );
  // Its measured steps describe the rounds with the person: they go with the basis.
  return { ...plan, rounds, steps: null };
}

function withParticipant(state: EventState, row: ParticipantRow): EventState {
  return { ...state, participants: state.participants.map((p) => (p.id === row.id ? row : p)) };
}

/**
 * "We already know each other": the planner counts the pair as met from now on. Private: only the
 * person who said it sees it; the other is never told.
 */
export async function setKnown(
  ctx: CommandContext,
  eventId: string,
  participantId: string,
  otherId: string,
  known: boolean,
): Promise<void> {
  await commit(ctx, eventId, 'known_pair', async (tx, state) => {
    if (otherId === participantId || !state.participants.some((p) => p.id === otherId))
      throw conflict('unknown_participant', 'No such participant in this event.');
    if (known) await insertKnownPair(tx, eventId, participantId, otherId);
    else await deleteKnownPair(tx, participantId, otherId);
    return { result: undefined };
  });
}

/**
 * Removes every simulated person in one transaction. Refused during a live round, where it would empty
 * seats under the real people. Simulated people carry no personal data, so no physical erasure is needed.
 */
export async function eraseRehearsalPeople(ctx: CommandContext, eventId: string): Promise<number> {
  return commit(ctx, eventId, 'erase_rehearsal', async (tx, state) => {
    if (liveRound(state)) throw conflict('round_live', 'A round is running. End it first.');
    const ids = state.participants.filter((p) => p.simulated).map((p) => p.id);
    await deleteSimulated(tx, eventId, ids);
    return { result: ids.length, details: { removed: ids.length } };
  });
}
