import { LIMITS } from '../../../src/shared/limits.js';
import { t } from '../i18n/index.js';
import type { ParticipantView } from '../lib/types.js';

export type TableFeature = ParticipantView['me']['tableNeeds'][number];

export const MAX_INTERESTS = LIMITS.interests;
export type FieldErrors = Record<string, string | undefined>;

/** What a participant says about themself: the join form and "edit my details" share it. */
export interface ParticipantDraft {
  displayName: string;
  organisation: string;
  role: string;
  stage: number | null;
  interests: string[];
  contact: string;
  shareContact: boolean;
  /** Stay at one table all evening; only step-free / quiet tables. The reason is never asked. */
  staySeated: boolean;
  tableNeeds: TableFeature[];
}

export const emptyParticipant = (): ParticipantDraft => ({
  displayName: '',
  organisation: '',
  role: '',
  stage: null,
  interests: [],
  contact: '',
  shareContact: false,
  staySeated: false,
  tableNeeds: [],
});

export const draftOf = (me: ParticipantView['me']): ParticipantDraft => ({
  displayName: me.displayName,
  organisation: me.organisation ?? '',
  role: me.role,
  stage: me.stage,
  interests: [...me.interests],
  contact: me.contact ?? '',
  shareContact: me.shareContact,
  staySeated: me.staySeated,
  tableNeeds: [...me.tableNeeds],
});

/** The request body the API takes for both POST …/participants and PATCH /api/me. */
export const participantBody = (draft: ParticipantDraft) => ({
  displayName: draft.displayName,
  organisation: draft.organisation || null,
  role: draft.role,
  stage: draft.stage,
  interests: draft.interests,
  contact: draft.contact || null,
  shareContact: draft.shareContact,
  staySeated: draft.staySeated,
  tableNeeds: draft.tableNeeds,
});

/** The checks the page can make before asking the server (which checks everything again). */
export function checkParticipant(draft: ParticipantDraft): FieldErrors {
  const e = t().join.errors;
  const errors: FieldErrors = {};
  if (!draft.displayName.trim()) errors.displayName = e.displayName;
  if (!draft.role) errors.role = e.role;
  if (draft.stage === null) errors.stage = e.stage;
  if (draft.shareContact && !draft.contact.trim()) errors.contact = e.contactMissing;
  return errors;
}

/** The server's field errors in the page language, where we have words for the field. */
export function localiseFieldErrors(fields: Record<string, string>): FieldErrors {
  const e = t().join.errors as Record<string, string>;
  const out: FieldErrors = {};
  for (const [field, message] of Object.entries(fields)) out[field] = e[field] ?? message;
  return out;
}

const FIELD_ORDER = [
  'displayName',
  'organisation',
  'role',
  'stage',
  'interests',
  'contact',
  'shareContact',
  'privacyAccepted',
];

/** Keyboard and screen-reader users land on the first field that needs them. */
export function focusFirstError(errors: FieldErrors) {
  const first = FIELD_ORDER.find((f) => errors[f]);
  if (!first) return;
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[name="${first}"]`)?.focus());
}
