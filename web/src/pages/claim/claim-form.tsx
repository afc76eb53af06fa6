import { useState } from 'preact/hooks';
import { describedBy, FieldError } from '../../components/field-error.js';
import {
  checkParticipant,
  type FieldErrors,
  focusFirstError,
  localiseFieldErrors,
  type ParticipantDraft,
  participantBody,
} from '../../components/participant-profile.js';
import { ParticipantFields } from '../../components/profile-fields.js';
import { t } from '../../i18n/index.js';
import { registrationsText } from '../../i18n/pages/registrations.js';
import { ApiError, api } from '../../lib/api.js';
import { errorText } from '../../lib/error-text.js';
import type { PublicInfo } from '../../lib/types.js';
import { joinRequestKey } from '../participant/participant-storage.js';

/** The join form, prefilled from the registration; the privacy notice must be accepted here too. */
export function ClaimForm({
  info,
  secret,
  initial,
  onClaimed,
}: {
  info: PublicInfo;
  secret: string;
  initial: ParticipantDraft;
  onClaimed: (token: string) => void;
}) {
  const dict = t();
  const j = dict.join;
  const c = registrationsText().claim;
  const [draft, setDraft] = useState<ParticipantDraft>(initial);
  const [privacyAccepted, setPrivacyAccepted] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setFormError(null);
    const local = checkParticipant(draft);
    if (!privacyAccepted) local.privacyAccepted = j.errors.privacyAccepted;
    setErrors(local);
    if (Object.keys(local).length > 0) return focusFirstError(local);
    setBusy(true);
    try {
      const claimed = await api<{ token: string }>(`/api/events/${info.code}/claim`, {
        method: 'POST',
        secret,
        body: { ...participantBody(draft), privacyAccepted: true, requestKey: joinRequestKey(info.code) },
      });
      onClaimed(claimed.token);
    } catch (error) {
      const fields = error instanceof ApiError ? localiseFieldErrors(error.fieldErrors()) : {};
      setErrors(fields);
      if (Object.keys(fields).length > 0) focusFirstError(fields);
      else setFormError(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="join-form" onSubmit={submit} noValidate>
      <h2>{c.heading}</h2>
      <p class="lead">{c.intro(info.title)}</p>
      <ParticipantFields
        catalogue={info.catalogue}
        value={draft}
        errors={errors}
        onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
      />
      <div class="field privacy-box">
        <p id="privacy-notice">{j.privacyNotice}</p>
        <p>
          <a href={`/privacy?event=${info.code}`}>{dict.privacyLink}</a> ·{' '}
          <a href={`/leichte-sprache?event=${info.code}`} lang="de">
            {dict.easyReadLink}
          </a>
        </p>
        <label class="choice">
          <input
            type="checkbox"
            name="privacyAccepted"
            checked={privacyAccepted}
            onChange={(e) => setPrivacyAccepted(e.currentTarget.checked)}
            {...describedBy('privacyAccepted', errors.privacyAccepted)}
          />
          <span>{j.privacyAccept}</span>
        </label>
        <FieldError name="privacyAccepted" message={errors.privacyAccepted} />
      </div>
      {formError && (
        <p class="form-error" role="alert">
          {formError}
        </p>
      )}
      <button type="submit" class="primary big" disabled={busy}>
        {busy ? dict.busy : c.submit}
      </button>
    </form>
  );
}
