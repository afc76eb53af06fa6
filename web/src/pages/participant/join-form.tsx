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
import { api } from '../../lib/api.js';
import type { PublicInfo } from '../../lib/types.js';
import { PrivacyText } from '../privacy/privacy-text.js';
import { joinDraft } from './join-draft.js';
import { joinRequestKey } from './participant-storage.js';

export function JoinForm({ info, onJoined }: { info: PublicInfo; onJoined: (token: string) => void }) {
  const dict = t();
  const j = dict.join;
  const [draft, setDraft] = useState<ParticipantDraft>(() => joinDraft.get(info.code));
  const [privacyAccepted, setPrivacyAccepted] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const update = (patch: Partial<ParticipantDraft>) =>
    setDraft((d) => {
      const next = { ...d, ...patch };
      joinDraft.set(info.code, next);
      return next;
    });

  const submit = async (event: Event) => {
    event.preventDefault();
    setFormError(null);
    const local = checkParticipant(draft);
    if (!privacyAccepted) local.privacyAccepted = j.errors.privacyAccepted;
    setErrors(local);
    if (Object.keys(local).length > 0) {
      focusFirstError(local);
      return;
    }
    setBusy(true);
    try {
      const joined = await api<{ token: string }>(`/api/events/${info.code}/participants`, {
        method: 'POST',
        body: { ...participantBody(draft), privacyAccepted: true, requestKey: joinRequestKey(info.code) },
      });
      joinDraft.clear(info.code);
      onJoined(joined.token);
    } catch (error) {
      showSubmitError(error, setErrors, setFormError);
    } finally {
      setBusy(false);
    }
  };

  if (!info.joinOpen) {
    return (
      <p class="notice" role="status">
        {info.status === 'finished' ? j.finished : j.closed}
      </p>
    );
  }

  return (
    <form class="join-form" onSubmit={submit} noValidate>
      <h2>{j.heading}</h2>
      <p class="lead">{j.intro}</p>
      <ParticipantFields catalogue={info.catalogue} value={draft} errors={errors} onChange={update} />

      <div class="field privacy-box">
        <p id="privacy-notice">{j.privacyNotice}</p>
        {/* Opened in place: following a link would lose what was typed. */}
        <details class="privacy-details" data-testid="privacy-details">
          <summary>{j.privacyRead}</summary>
          <div class="prose">
            <PrivacyText nested />
          </div>
        </details>
        {/* A new tab for the same reason: the form keeps what was typed. */}
        <p>
          <a href={`/leichte-sprache?event=${info.code}`} lang="de" target="_blank" rel="noopener">
            {dict.easyReadLink}
          </a>
        </p>
        <PrivacyAccept
          checked={privacyAccepted}
          error={errors.privacyAccepted}
          onChange={setPrivacyAccepted}
        />
      </div>

      <SubmitRow error={formError} busy={busy} label={j.submit} />
    </form>
  );
}
