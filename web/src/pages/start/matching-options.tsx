import { useState } from 'preact/hooks';
import { tc } from '../../i18n/console.js';
import { t } from '../../i18n/index.js';
import { PRESET_KEYS, PRESET_WEIGHTS, type PresetKey, presetOf } from './matching-presets.js';

const WEIGHT_KEYS = ['sameOrg', 'roleMix', 'stageMix', 'interestHook', 'topic'] as const;
export type Weights = Partial<Record<(typeof WEIGHT_KEYS)[number], number>>;

export type TableUse = 'auto' | 'fewest' | 'spread';

/** How many of the tables set up a round uses, and the matching's emphasis as presets in words (the numbers stay available as the advanced choice). */
export function MatchingOptions({
  weights,
  onChange,
  tableUse,
  onTableUse,
}: {
  weights: Weights;
  onChange: (w: Weights) => void;
  tableUse: TableUse;
  onTableUse: (use: TableUse) => void;
}) {
  const s = t().start;
  const mc = tc().matching;
  const [preset, setPreset] = useState<PresetKey>(() => presetOf(weights));
  const choose = (key: PresetKey) => {
    setPreset(key);
    if (key !== 'custom') onChange({ ...PRESET_WEIGHTS[key] });
  };
  return (
    <details class="matching-options">
      <summary>{s.matching}</summary>
      <div class="field">
        <label for="table-use">{s.tableUse.label}</label>
        <select
          id="table-use"
          value={tableUse}
          onChange={(e) => onTableUse(e.currentTarget.value as TableUse)}
        >
          {(['auto', 'fewest', 'spread'] as const).map((use) => (
            <option key={use} value={use}>
              {s.tableUse[use]}
            </option>
          ))}
        </select>
      </div>
      <fieldset class="presets">
        <legend>{mc.presetLegend}</legend>
        {[...PRESET_KEYS, 'custom' as const].map((key) => (
          <label class="choice" key={key}>
            <input
              type="radio"
              name="matching-preset"
              value={key}
              checked={preset === key}
              onChange={() => choose(key)}
            />
            <span>
              <strong>{mc.presets[key].title}</strong>
              <br />
              <span class="muted small">{mc.presets[key].hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {preset === 'custom' && (
        <>
          <p class="muted small">{mc.weightsHint}</p>
          <div class="inline-form">
            {WEIGHT_KEYS.map((key) => (
              <div class="field" key={key}>
                <label for={`weight-${key}`}>{s.weights[key]}</label>
                <input
                  id={`weight-${key}`}
                  type="number"
                  min={0}
                  max={1000}
                  value={weights[key] ?? ''}
                  onInput={(e) => {
                    const raw = e.currentTarget.value;
                    const next = { ...weights };
                    if (raw === '') delete next[key];
                    else next[key] = Number(raw);
                    onChange(next);
                  }}
                />
              </div>
            ))}
          </div>
        </>
      )}
    </details>
  );
}
