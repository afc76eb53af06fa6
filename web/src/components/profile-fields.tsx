import { LIMITS } from '../../../src/shared/limits.js';
import { label, t } from '../i18n/index.js';
import type { Catalogue } from '../lib/types.js';
import { describedBy, FieldError } from './field-error.js';
import { type FieldErrors, MAX_INTERESTS, type ParticipantDraft } from './participant-profile.js';
import { SeatingWishes } from './seating-wishes.js';

export interface ProfileDraft {
  displayName: string;
  organisation: string;
  role: string;
  stage: number;
}

export const emptyProfile = (catalogue: Catalogue): ProfileDraft => ({
  displayName: '',
  organisation: '',
  role: catalogue.roles[0]?.key ?? '',
  stage: catalogue.stages[0]?.value ?? 0,
});

/** Name, organisation, role and stage typed in by the moderator (walk-ins, table hosts). */
export function ProfileFields({
  idPrefix,
  catalogue,
  value,
  onChange,
  nameRequired = true,
}: {
  idPrefix: string;
  catalogue: Catalogue;
  value: ProfileDraft;
  onChange: (next: ProfileDraft) => void;
  nameRequired?: boolean;
}) {
  const j = t().join;
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <div class="profile-fields">
      <div class="field">
        <label for={id('name')}>{j.displayName}</label>
        <input
          id={id('name')}
          maxLength={LIMITS.displayName}
          required={nameRequired}
          value={value.displayName}
          onInput={(e) => onChange({ ...value, displayName: e.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label for={id('org')}>
          {j.organisation} <span class="optional">{t().optional}</span>
        </label>
        <input
          id={id('org')}
          maxLength={LIMITS.organisation}
          value={value.organisation}
          onInput={(e) => onChange({ ...value, organisation: e.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label for={id('role')}>{j.role}</label>
        <select
          id={id('role')}
          value={value.role}
          onChange={(e) => onChange({ ...value, role: e.currentTarget.value })}
        >
          {catalogue.roles.map((r) => (
            <option key={r.key} value={r.key}>
              {label(r.label)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        {/* The moderator types this in about someone else: "their", not "your" organisation. */}
        <label for={id('stage')}>{j.stageOfOther}</label>
        <select
          id={id('stage')}
          value={String(value.stage)}
          onChange={(e) => onChange({ ...value, stage: Number(e.currentTarget.value) })}
        >
          {catalogue.stages.map((s) => (
            <option key={s.value} value={String(s.value)}>
              {label(s.label)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

export function profileBody(draft: ProfileDraft, interests: string[] = []) {
  return {
    displayName: draft.displayName,
    organisation: draft.organisation || null,
    role: draft.role,
    stage: draft.stage,
    interests,
  };
}

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
  const full = value.interests.length >= MAX_INTERESTS;
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

      <fieldset class="field choices" {...describedBy('interests', errors.interests, true)}>
        <legend>{j.interests}</legend>
        <p class="hint" aria-live="polite">
          {j.interestsCount(value.interests.length, MAX_INTERESTS)}
        </p>
        {catalogue.interests.map((i) => {
          const checked = value.interests.includes(i.key);
          return (
            <label key={i.key} class="choice">
              <input
                type="checkbox"
                name="interests"
                value={i.key}
                checked={checked}
                disabled={!checked && full}
                onChange={() =>
                  onChange({
                    interests: checked
                      ? value.interests.filter((k) => k !== i.key)
                      : [...value.interests, i.key],
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
