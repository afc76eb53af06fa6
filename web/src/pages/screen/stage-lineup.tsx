import { label, t } from '../../i18n/index.js';
import type { ScreenView } from '../../lib/types.js';

/** The icebreaker line-up: how many people stand at each open-source stage, as bars. */
export function StageLineup({ view }: { view: ScreenView }) {
  const s = t().screen;
  const max = Math.max(1, ...view.stageCounts.map((c) => c.count));
  return (
    <section class="lineup" aria-labelledby="lineup-heading">
      <h2 id="lineup-heading">{s.lineup}</h2>
      <ol class="lineup-bars">
        {view.stages.map((stage) => {
          const count = view.stageCounts.find((c) => c.value === stage.value)?.count ?? 0;
          return (
            <li key={stage.value}>
              <span class="lineup-label">{label(stage.label)}</span>
              <span class="lineup-track">
                <span class="lineup-bar" style={{ width: `${(count / max) * 100}%` }} />
              </span>
              <span class="lineup-count" data-testid={`stage-count-${stage.value}`}>
                {count}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
