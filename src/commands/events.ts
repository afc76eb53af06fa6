import { catalogueTemplate } from '../domain/catalogue.js';
import { assertInCatalogue, assertTopicsInCatalogue } from '../domain/catalogue-rules.js';
import { liveRound } from '../domain/event-state.js';
import type { CreateEventInput, UpdateEventInput } from '../domain/inputs.js';
import { planTableChanges } from '../domain/table-changes.js';
import { conflict } from '../errors.js';
import { ERASED_WITH_EVENT, erasePhysically } from '../repositories/erasure.js';
import {
  applyTableChanges,
  deleteEvent,
  endRoundRow,
  insertEvent,
  insertTables,
  logAction,
  updateEventRow,
} from '../repositories/events.js';
import { hashSecret, newId, newJoinCode, newSecret } from '../security/tokens.js';
import { type CommandContext, commit, tellReplicas } from './unit-of-work.js';

export interface CreatedEvent {
  id: string;
  code: string;
  moderatorSecret: string;
  screenSecret: string;
}

export async function createEvent(ctx: CommandContext, input: CreateEventInput): Promise<CreatedEvent> {
  const now = ctx.now();
  const catalogue = input.catalogue ?? catalogueTemplate(input.template);
  // A new event is a layout change from no tables: the same planner numbers and places them.
  const tables = planTableChanges([], new Set(), input.tables).inserts;
  assertTopicsInCatalogue(
    catalogue,
    tables.map((t) => t.topic),
  );
  for (const table of tables) if (table.host) assertInCatalogue(catalogue, table.host);
  const created = {
    id: newId(),
    code: newJoinCode(),
    moderatorSecret: newSecret(),
    screenSecret: newSecret(),
  };
  const made = { kind: 'changed', eventId: created.id, source: 'event' } as const;
  await ctx.store.transaction(async (tx) => {
    await insertEvent(tx, {
      id: created.id,
      code: created.code,
      title: input.title,
      language: input.language,
      minutesPerRound: input.minutesPerRound,
      plannedRounds: input.plannedRounds,
      matching: input.matching,
      catalogue,
      moderatorTokenHash: hashSecret(created.moderatorSecret),
      screenTokenHash: hashSecret(created.screenSecret),
      createdAt: new Date(now),
      updatedAt: new Date(now),
    });
    await insertTables(tx, created.id, tables, now);
    await logAction(tx, created.id, now, 'create', { tables: tables.length });
    await tellReplicas(ctx, tx, made);
  });
  // Hosts typed in with the tables are present people: the planner starts on them.
  ctx.changes.announce(made);
  return created;
}

export async function updateEvent(
  ctx: CommandContext,
  eventId: string,
  input: UpdateEventInput,
): Promise<void> {
  await commit(ctx, eventId, 'update', async (tx, state) => {
    const { tables, ...settings } = input;
    if (tables) {
      if (liveRound(state)) throw conflict('round_live', 'Tables cannot change while a round is running.');
      if (Array.isArray(tables)) {
        assertTopicsInCatalogue(
          state.event.catalogue,
          tables.map((t) => t.topic),
        );
      }
      const used = new Set(state.rounds.flatMap((r) => [...r.seats.values()]));
      await applyTableChanges(tx, eventId, planTableChanges(state.tables, used, tables), ctx.now());
    }
    if (Object.keys(settings).length > 0) await updateEventRow(tx, eventId, settings);
    return { result: undefined, details: { fields: Object.keys(input) } };
  });
}

export async function finishEvent(ctx: CommandContext, eventId: string): Promise<void> {
  await commit(ctx, eventId, 'finish', async (tx, state) => {
    if (state.event.status === 'finished')
      throw conflict('event_finished', 'The event has already finished.');
    const live = liveRound(state);
    if (live) await endRoundRow(tx, live.id, ctx.now());
    await updateEventRow(tx, eventId, {
      status: 'finished',
      joinOpen: false,
      finishedAt: new Date(ctx.now()),
    });
    return { result: undefined, details: { rounds: state.rounds.length } };
  });
}

/** Erases an event with everything in it (cascading); physical before it returns. */
export async function eraseEvent(
  ctx: Pick<CommandContext, 'store' | 'changes'>,
  eventId: string,
): Promise<void> {
  const erased = { kind: 'erased', eventId } as const;
  await erasePhysically(ctx.store, ERASED_WITH_EVENT, () =>
    ctx.store.transaction(async (tx) => {
      await deleteEvent(tx, eventId);
      await tellReplicas(ctx, tx, erased);
    }),
  );
  ctx.changes.announce(erased);
}

/** A new screen secret (the old one stops working): the console can show the screen link again. */
export async function renewScreenSecret(ctx: CommandContext, eventId: string): Promise<string> {
  const secret = newSecret();
  const revoked = { kind: 'screenRevoked', eventId } as const;
  await commit(ctx, eventId, 'renew_screen_link', async (tx) => {
    await updateEventRow(tx, eventId, { screenTokenHash: hashSecret(secret) });
    await tellReplicas(ctx, tx, revoked);
    return { result: undefined, details: {} };
  });
  ctx.changes.announce(revoked);
  return secret;
}
