import { emptyParticipant, type ParticipantDraft } from '../../components/participant-profile.js';

const draftKey = (code: string) => `tw.draft.${code}`;

/**
 * What was typed on the join form, kept for this tab only (sessionStorage, gone when the tab closes),
 * so following a link and coming back does not empty the form.
 */
export const joinDraft = {
  get(code: string): ParticipantDraft {
    try {
      const saved = sessionStorage.getItem(draftKey(code));
      return saved
        ? { ...emptyParticipant(), ...(JSON.parse(saved) as Partial<ParticipantDraft>) }
        : emptyParticipant();
    } catch {
      return emptyParticipant();
    }
  },
  set(code: string, draft: ParticipantDraft): void {
    try {
      sessionStorage.setItem(draftKey(code), JSON.stringify(draft));
    } catch {
      // Then the form is only kept while the page stays open.
    }
  },
  clear(code: string): void {
    try {
      sessionStorage.removeItem(draftKey(code));
    } catch {
      // Nothing kept, nothing to clear.
    }
  },
};
