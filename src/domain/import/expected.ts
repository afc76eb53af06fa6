import type { RegistrationRow } from '../../db/schema/index.js';

/** The moderator's list: every imported person, claimed or still expected. */
export function expectedList(rows: RegistrationRow[]) {
  return {
    expected: rows.filter((r) => !r.participantId).length,
    claimed: rows.filter((r) => r.participantId).length,
    registrations: rows.map((r) => ({
      id: r.id,
      ticketId: r.ticketId,
      displayName: r.displayName,
      organisation: r.organisation,
      claimed: r.participantId !== null,
    })),
  };
}

/** What the person behind a personal link sees to check; the e-mail is offered as the contact, never shared. */
export function claimView(r: RegistrationRow) {
  return {
    claimed: r.participantId !== null,
    profile: {
      displayName: r.displayName,
      organisation: r.organisation,
      role: r.role,
      stage: r.stage,
      interests: r.interests,
      contact: r.email,
    },
  };
}
