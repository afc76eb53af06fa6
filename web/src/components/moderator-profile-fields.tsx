import { LIMITS } from '../../../src/shared/limits.js';
import { label, t } from '../i18n/index.js';
import type { Catalogue } from '../lib/types.js';

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
