import { label, t } from '../i18n/index.js';
import type { Catalogue } from '../lib/types.js';
import { describedBy, FieldError } from './field-error.js';
import { MAX_INTERESTS } from './participant-profile.js';

/** Up to MAX_INTERESTS interests from the catalogue; the rest are disabled once that many are ticked. */
export function InterestChoices({
  catalogue,
  value,
  error,
  onChange,
}: {
  catalogue: Catalogue;
  value: string[];
  error: string | undefined;
  onChange: (next: string[]) => void;
}) {
  const j = t().join;
  const full = value.length >= MAX_INTERESTS;
  return (
    <fieldset class="field choices" {...describedBy('interests', error, true)}>
      <legend>{j.interests}</legend>
      <p class="hint" aria-live="polite">
        {j.interestsCount(value.length, MAX_INTERESTS)}
      </p>
      {catalogue.interests.map((i) => {
        const checked = value.includes(i.key);
        return (
          <label key={i.key} class="choice">
            <input
              type="checkbox"
              name="interests"
              value={i.key}
              checked={checked}
              disabled={!checked && full}
              onChange={() => onChange(checked ? value.filter((k) => k !== i.key) : [...value, i.key])}
            />
            <span>{label(i.label)}</span>
          </label>
        );
      })}
      <FieldError name="interests" message={error} />
    </fieldset>
  );
}
