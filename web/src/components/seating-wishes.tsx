import { t } from '../i18n/index.js';
import type { ParticipantDraft, TableFeature } from './participant-profile.js';

const FEATURES: TableFeature[] = ['step_free', 'quiet'];

/** Optional wishes the planner keeps as hard rules; nobody is asked why. */
export function SeatingWishes({
  value,
  onChange,
}: {
  value: ParticipantDraft;
  onChange: (patch: Partial<ParticipantDraft>) => void;
}) {
  const w = t().join.wishes;
  return (
    <fieldset class="field choices">
      <legend>
        {w.legend} <span class="optional">{t().optional}</span>
      </legend>
      <p class="hint">{w.hint}</p>
      <label class="choice">
        <input
          type="checkbox"
          name="staySeated"
          checked={value.staySeated}
          onChange={(e) => onChange({ staySeated: e.currentTarget.checked })}
        />
        <span>{w.staySeated}</span>
      </label>
      {FEATURES.map((feature) => (
        <label class="choice" key={feature}>
          <input
            type="checkbox"
            name="tableNeeds"
            value={feature}
            checked={value.tableNeeds.includes(feature)}
            onChange={(e) =>
              onChange({
                tableNeeds: e.currentTarget.checked
                  ? [...value.tableNeeds, feature]
                  : value.tableNeeds.filter((f) => f !== feature),
              })
            }
          />
          <span>{w[feature]}</span>
        </label>
      ))}
    </fieldset>
  );
}
