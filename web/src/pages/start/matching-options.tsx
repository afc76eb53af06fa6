import { t } from '../../i18n/index.js';

const WEIGHT_KEYS = ['sameOrg', 'roleMix', 'stageMix', 'interestHook', 'topic'] as const;
export type Weights = Partial<Record<(typeof WEIGHT_KEYS)[number], number>>;

/** Optional weights for the matching engine; an empty field keeps the engine's default. */
export function MatchingOptions({ weights, onChange }: { weights: Weights; onChange: (w: Weights) => void }) {
  const s = t().start;
  return (
    <details class="matching-options">
      <summary>{s.matching}</summary>
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
