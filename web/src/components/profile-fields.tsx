import { LIMITS } from '../../../src/shared/limits.js';
import { label, t } from '../i18n/index.js';
import type { Catalogue } from '../lib/types.js';
import { describedBy, FieldError } from './field-error.js';
import { InterestChoices } from './interest-choices.js';
import type { FieldErrors, ParticipantDraft } from './participant-profile.js';
import { SeatingWishes } from './seating-wishes.js';

/**
 * The participant's own fields, as the join form shows them and "edit my details" shows them again:
 * each control carries its error (`#error-<field>`) through aria-describedby.
 */
export function ParticipantFields({
  catalogue,
  value,
  errors,
  onChange,
}: {
  catalogue: Catalogue;
  value: ParticipantDraft;
  errors: FieldErrors;
  onChange: (patch: Partial<ParticipantDraft>) => void;
}) {
  const dict = t();
  const j = dict.join;
  return (
    <>
      <div class="field">
        <label for="displayName">{j.displayName}</label>
        <input
          id="displayName"
          name="displayName"
          autoComplete="nickname"
          maxLength={LIMITS.displayName}
          required
          value={value.displayName}
          onInput={(e) => onChange({ displayName: e.currentTarget.value })}
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
          maxLength={LIMITS.organisation}
          value={value.organisation}
          onInput={(e) => onChange({ organisation: e.currentTarget.value })}
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
          value={value.role}
          onChange={(e) => onChange({ role: e.currentTarget.value })}
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
              checked={value.stage === s.value}
              onChange={() => onChange({ stage: s.value })}
            />
            <span>
              <strong>{label(s.label)}</strong> <span class="muted">{label(s.description)}</span>
            </span>
          </label>
        ))}
        <FieldError name="stage" message={errors.stage} />
      </fieldset>

      <InterestChoices
        catalogue={catalogue}
        value={value.interests}
        error={errors.interests}
        onChange={(interests) => onChange({ interests })}
      />

      <div class="field">
        <label for="contact">
          {j.contact} <span class="optional">{dict.optional}</span>
        </label>
        <input
          id="contact"
          name="contact"
          autoComplete="email"
          maxLength={LIMITS.contact}
          value={value.contact}
          onInput={(e) => onChange({ contact: e.currentTarget.value })}
          {...describedBy('contact', errors.contact)}
        />
        <p class="hint">{j.contactHint}</p>
        <FieldError name="contact" message={errors.contact} />
      </div>
      <label class="choice">
        <input
          type="checkbox"
          name="shareContact"
          checked={value.shareContact}
          onChange={(e) => onChange({ shareContact: e.currentTarget.checked })}
        />
        <span>{j.shareContact}</span>
      </label>
      <SeatingWishes value={value} onChange={onChange} />
    </>
  );
}
