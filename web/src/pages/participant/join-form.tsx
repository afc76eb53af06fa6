import { useState } from 'preact/hooks';
import { describedBy, FieldError } from '../../components/field-error.js';
import { label, t } from '../../i18n/index.js';
import { ApiError, api } from '../../lib/api.js';
import { errorText } from '../../lib/error-text.js';
import type { PublicInfo } from '../../lib/types.js';
import { joinRequestKey } from './participant-storage.js';

const MAX_INTERESTS = 5;
type Errors = Record<string, string | undefined>;

interface Draft {
  displayName: string;
  organisation: string;
  role: string;
  stage: number | null;
  interests: string[];
  contact: string;
  shareContact: boolean;
  privacyAccepted: boolean;
}

const EMPTY: Draft = {
  displayName: '',
  organisation: '',
  role: '',
  stage: null,
  interests: [],
  contact: '',
  shareContact: false,
  privacyAccepted: false,
};

function checkLocally(draft: Draft): Errors {
  const e = t().join.errors;
  const errors: Errors = {};
  if (!draft.displayName.trim()) errors.displayName = e.displayName;
  if (!draft.role) errors.role = e.role;
  if (draft.stage === null) errors.stage = e.stage;
  if (draft.shareContact && !draft.contact.trim()) errors.contact = e.contactMissing;
  if (!draft.privacyAccepted) errors.privacyAccepted = e.privacyAccepted;
  return errors;
}

/** The server's field errors in the page language, where we have words for the field. */
function localise(fields: Record<string, string>): Errors {
  const e = t().join.errors;
  const out: Errors = {};
  for (const [field, message] of Object.entries(fields)) {
    out[field] = (e as Record<string, string>)[field] ?? message;
  }
  return out;
}

export function JoinForm({ info, onJoined }: { info: PublicInfo; onJoined: (token: string) => void }) {
  const dict = t();
  const j = dict.join;
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const { catalogue } = info;

  const submit = async (event: Event) => {
    event.preventDefault();
    setFormError(null);
    const local = checkLocally(draft);
    setErrors(local);
    if (Object.keys(local).length > 0) {
      focusFirstError(local);
      return;
    }
    setBusy(true);
    try {
      const joined = await api<{ token: string }>(`/api/events/${info.code}/participants`, {
        method: 'POST',
        body: {
          displayName: draft.displayName,
          organisation: draft.organisation || null,
          role: draft.role,
          stage: draft.stage,
          interests: draft.interests,
          contact: draft.contact || null,
          shareContact: draft.shareContact,
          privacyAccepted: true,
          requestKey: joinRequestKey(info.code),
        },
      });
      onJoined(joined.token);
    } catch (error) {
      const fields = error instanceof ApiError ? localise(error.fieldErrors()) : {};
      setErrors(fields);
      if (Object.keys(fields).length > 0) focusFirstError(fields);
      else setFormError(errorText(error));
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

  const full = draft.interests.length >= MAX_INTERESTS;
  return (
    <form class="join-form" onSubmit={submit} noValidate>
      <h2>{j.heading}</h2>
      <p class="lead">{j.intro}</p>

      <div class="field">
        <label for="displayName">{j.displayName}</label>
        <input
          id="displayName"
          name="displayName"
          autoComplete="nickname"
          maxLength={60}
          required
          value={draft.displayName}
          onInput={(e) => update({ displayName: e.currentTarget.value })}
          {...describedBy('displayName', errors.displayName)}
        />
        <p class="hint">{j.displayNameHint}</p>
        <FieldError name="displayName" message={errors.displayName} />
      </div>

      <div class="field">
        <label for="organisation">
          {j.organisation} <span class="optional">{dict.optional}</span>
        </label>
        <input
          id="organisation"
          name="organisation"
          autoComplete="organization"
          maxLength={100}
          value={draft.organisation}
          onInput={(e) => update({ organisation: e.currentTarget.value })}
          {...describedBy('organisation', errors.organisation)}
        />
        <FieldError name="organisation" message={errors.organisation} />
      </div>

      <div class="field">
        <label for="role">{j.role}</label>
        <select
          id="role"
          name="role"
          required
          value={draft.role}
          onChange={(e) => update({ role: e.currentTarget.value })}
          {...describedBy('role', errors.role)}
        >
          <option value="">{j.choose}</option>
          {catalogue.roles.map((r) => (
            <option key={r.key} value={r.key}>
              {label(r.label)}
            </option>
          ))}
        </select>
        <FieldError name="role" message={errors.role} />
      </div>

      <fieldset class="field choices" {...describedBy('stage', errors.stage, true)}>
        <legend>{j.stage}</legend>
        {catalogue.stages.map((s) => (
          <label key={s.key} class="choice">
            <input
              type="radio"
              name="stage"
              value={s.value}
              checked={draft.stage === s.value}
              onChange={() => update({ stage: s.value })}
            />
            <span>
              <strong>{label(s.label)}</strong> <span class="muted">{label(s.description)}</span>
            </span>
          </label>
        ))}
        <FieldError name="stage" message={errors.stage} />
      </fieldset>

      <fieldset class="field choices" {...describedBy('interests', errors.interests, true)}>
        <legend>{j.interests}</legend>
        <p class="hint" aria-live="polite">
          {j.interestsCount(draft.interests.length, MAX_INTERESTS)}
        </p>
        {catalogue.interests.map((i) => {
          const checked = draft.interests.includes(i.key);
          return (
            <label key={i.key} class="choice">
              <input
                type="checkbox"
                name="interests"
                value={i.key}
                checked={checked}
                disabled={!checked && full}
                onChange={() =>
                  update({
                    interests: checked
                      ? draft.interests.filter((k) => k !== i.key)
                      : [...draft.interests, i.key],
                  })
                }
              />
              <span>{label(i.label)}</span>
            </label>
          );
        })}
        <FieldError name="interests" message={errors.interests} />
      </fieldset>

      <div class="field">
        <label for="contact">
          {j.contact} <span class="optional">{dict.optional}</span>
        </label>
        <input
          id="contact"
          name="contact"
          autoComplete="email"
          maxLength={200}
          value={draft.contact}
          onInput={(e) => update({ contact: e.currentTarget.value })}
          {...describedBy('contact', errors.contact)}
        />
        <p class="hint">{j.contactHint}</p>
        <FieldError name="contact" message={errors.contact} />
      </div>
      <label class="choice">
        <input
          type="checkbox"
          name="shareContact"
          checked={draft.shareContact}
          onChange={(e) => update({ shareContact: e.currentTarget.checked })}
        />
        <span>{j.shareContact}</span>
      </label>

      <div class="field privacy-box">
        <p id="privacy-notice">{j.privacyNotice}</p>
        <p>
          <a href="/privacy">{dict.privacyLink}</a>
        </p>
        <label class="choice">
          <input
            type="checkbox"
            name="privacyAccepted"
            checked={draft.privacyAccepted}
            onChange={(e) => update({ privacyAccepted: e.currentTarget.checked })}
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
        {busy ? dict.busy : j.submit}
      </button>
    </form>
  );
}

function focusFirstError(errors: Errors) {
  const order = ['displayName', 'organisation', 'role', 'stage', 'interests', 'contact', 'privacyAccepted'];
  const first = order.find((f) => errors[f]);
  if (!first) return;
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>(`[name="${first}"]`);
    el?.focus();
  });
}
