import { useState } from 'preact/hooks';
import {
  checkParticipant,
  type FieldErrors,
  focusFirstError,
  type ParticipantDraft,
  participantBody,
} from '../../components/participant-profile.js';
import { ParticipantFields } from '../../components/profile-fields.js';
import { PrivacyAccept, SubmitRow, showSubmitError } from '../../components/profile-form-parts.js';
import { t } from '../../i18n/index.js';
import { registrationsText } from '../../i18n/pages/registrations.js';
import { api } from '../../lib/api.js';
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
      showSubmitError(error, setErrors, setFormError);
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
        <PrivacyAccept
          checked={privacyAccepted}
          error={errors.privacyAccepted}
          onChange={setPrivacyAccepted}
        />
      </div>
      <SubmitRow error={formError} busy={busy} label={c.submit} />
    </form>
  );
}
