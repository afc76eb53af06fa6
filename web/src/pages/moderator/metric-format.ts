import { t } from '../../i18n/index.js';
import type { Metrics } from '../../lib/types.js';

export const METRIC_KEYS = [
  'repeats',
  'maxMeetings',
  'sameOrgPairs',
  'roleMix',
  'stageMix',
  'interestHook',
  'sizeSpread',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

const SHARES = new Set<MetricKey>(['roleMix', 'stageMix', 'interestHook']);

export function formatMetric(key: MetricKey, metrics: Metrics): string {
  const value = metrics[key];
  return SHARES.has(key) ? `${Math.round(value * 100)} %` : String(value);
}

/** Red where the figure says people had a worse time: repeats, colleagues together, uneven tables. */
export function metricIsBad(key: MetricKey, metrics: Metrics): boolean {
  if (key === 'repeats' || key === 'sameOrgPairs') return metrics[key] > 0;
  if (key === 'maxMeetings') return metrics[key] > 1;
  if (key === 'sizeSpread') return metrics[key] > 1;
  return false;
}

export const metricLabel = (key: MetricKey) => t().quality.metrics[key];
