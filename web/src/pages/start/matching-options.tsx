import { t } from '../../i18n/index.js';

const WEIGHT_KEYS = ['sameOrg', 'roleMix', 'stageMix', 'interestHook', 'topic'] as const;
export type Weights = Partial<Record<(typeof WEIGHT_KEYS)[number], number>>;

export type TableUse = 'auto' | 'fewest' | 'spread';

/** How many of the tables set up a round uses, and optional weights (an empty field keeps the default). */
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
      <p class="muted small">{s.matchingHint}</p>
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
    </details>
  );
}
