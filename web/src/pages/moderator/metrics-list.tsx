import type { Metrics } from '../../lib/types.js';
import { formatMetric, METRIC_KEYS, metricIsBad, metricLabel } from './metric-format.js';

export function MetricsList({ metrics }: { metrics: Metrics }) {
  return (
    <dl class="metrics">
      {METRIC_KEYS.map((key) => (
        <div key={key} class={metricIsBad(key, metrics) ? 'metric bad' : 'metric'}>
          <dt>{metricLabel(key)}</dt>
          <dd>{formatMetric(key, metrics)}</dd>
        </div>
      ))}
    </dl>
  );
}
