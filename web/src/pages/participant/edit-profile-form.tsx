import { useEffect, useRef, useState } from 'preact/hooks';
import {
  checkParticipant,
  draftOf,
  type FieldErrors,
  focusFirstError,
  type ParticipantDraft,
  participantBody,
} from '../../components/participant-profile.js';
import { ParticipantFields } from '../../components/profile-fields.js';
import { showSubmitError } from '../../components/profile-form-parts.js';
import { t } from '../../i18n/index.js';
import { api } from '../../lib/api.js';
import type { Catalogue, ParticipantView } from '../../lib/types.js';

/** "Edit my details": the join form's fields, filled with what the server has, saved with PATCH /api/me. */
export function EditProfileForm({
  token,
  view,
  catalogue,
  onSaved,
  onCancel,
}: {
  token: string;
  view: ParticipantView;
  catalogue: Catalogue;
  onSaved: (view: ParticipantView) => void;
  onCancel: () => void;
}) {
  const dict = t();
  const p = dict.profile;
  const [draft, setDraft] = useState<ParticipantDraft>(() => draftOf(view.me));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const update = (patch: Partial<ParticipantDraft>) => setDraft((d) => ({ ...d, ...patch }));

  // The form replaces the live view: move focus to its heading so a screen reader starts there.
  useEffect(() => heading.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setFormError(null);
    const local = checkParticipant(draft);
    setErrors(local);
    if (Object.keys(local).length > 0) {
      focusFirstError(local);
      return;
    }
    setBusy(true);
    try {
      onSaved(
        await api<ParticipantView>('/api/me', {
          method: 'PATCH',
          secret: token,
          body: participantBody(draft),
        }),
      );
    } catch (error) {
      showSubmitError(error, setErrors, setFormError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="profile-form" onSubmit={submit} noValidate data-testid="edit-profile">
      <h2 ref={heading} tabIndex={-1}>
        {p.heading}
      </h2>
      {view.seat && view.round && (
        <p class="notice current-table">{dict.live.announce(view.round.number, view.seat.table.label)}</p>
      )}
      <p class="lead">{p.intro}</p>
      <ParticipantFields catalogue={catalogue} value={draft} errors={errors} onChange={update} />
      {formError && (
        <p class="form-error" role="alert">
          {formError}
        </p>
      )}
      <div class="action-row">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? dict.busy : p.save}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          {p.cancel}
        </button>
      </div>
    </form>
  );
}
