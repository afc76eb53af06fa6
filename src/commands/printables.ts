import type { EventRow } from '../db/schema/index.js';
import { registrationsCsv } from '../domain/import/links-csv.js';
import { printables } from '../domain/import/printables.js';
import type { DbLike } from '../repositories/db-types.js';
import { loadEventState } from '../repositories/event-state.js';
import { registrationsOf } from '../repositories/registrations.js';
import { claimLink, claimSecret } from '../security/claim-links.js';

/** Where the claim links point and how their secrets are derived: the server's own key. */
export interface LinkSource {
  db: DbLike;
  publicUrl: string;
  serverKey: string;
}

/** The personal links of everyone still expected, for the organiser's own mail merge. */
export async function claimLinksCsv(source: LinkSource, event: EventRow): Promise<string> {
  const rows = (await registrationsOf(source.db, event.id)).filter((r) => !r.participantId);
  const link = (id: string) =>
    claimLink(source.publicUrl, event.code, claimSecret(source.serverKey, event.id, id));
  return registrationsCsv(rows, link);
}

/** Badges for every imported person (claimed ones too: a lost badge is printed again) and table cards. */
export async function badgeSheetsOf(source: LinkSource, event: EventRow) {
  // The moderator's secret opened a stored event, so its state exists.
  const state = (await loadEventState(source.db, event.id))!;
  return printables(state, await registrationsOf(source.db, event.id), {
    publicUrl: source.publicUrl,
    secretOf: (id) => claimSecret(source.serverKey, event.id, id),
  });
}
