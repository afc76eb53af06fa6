import { ScrollRegion } from '../../components/scroll-region.js';
import { t } from '../../i18n/index.js';
import type { Catalogue, ModeratorView } from '../../lib/types.js';
import { formatMetric, METRIC_KEYS, metricIsBad, metricLabel } from './metric-format.js';
import { RoleMatrix } from './role-matrix.js';

/** The quality of every round so far, the whole event's figures, and the role × role picture. */
export function QualityPanel({ view, catalogue }: { view: ModeratorView; catalogue: Catalogue }) {
  const q = t().quality;
  const rounds = view.rounds.filter((r) => r.metrics);
  return (
    <section class="panel wide" aria-labelledby="quality-heading">
      <h2 id="quality-heading">{q.heading}</h2>
      {rounds.length === 0 ? (
        <p class="muted">{q.empty}</p>
      ) : (
        <ScrollRegion label={q.heading}>
          <table class="quality" data-testid="quality">
            <caption class="sr-only">{q.heading}</caption>
            <thead>
              <tr>
                <th scope="col">{q.round}</th>
                <th scope="col">{q.seated}</th>
                {METRIC_KEYS.map((key) => (
                  <th scope="col" key={key}>
                    {metricLabel(key)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rounds.map((round) => (
                <tr key={round.number}>
                  <th scope="row">{round.number}</th>
                  <td>{round.seated}</td>
                  {METRIC_KEYS.map((key) => (
                    <td key={key} class={metricIsBad(key, round.metrics!) ? 'bad' : ''}>
                      {formatMetric(key, round.metrics!)}
                    </td>
                  ))}
                </tr>
              ))}
              {view.metrics && (
                <tr class="total">
                  <th scope="row">{q.overall}</th>
                  <td />
                  {METRIC_KEYS.map((key) => (
                    <td key={key} class={metricIsBad(key, view.metrics!) ? 'bad' : ''}>
                      {formatMetric(key, view.metrics!)}
                    </td>
                  ))}
                </tr>
              )}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <p class="muted small">{q.explain}</p>
      {view.rounds.length > 0 && (
        <>
          <h3>{q.matrixHeading}</h3>
          <RoleMatrix matrix={view.roleMatrix} catalogue={catalogue} />
        </>
      )}
    </section>
  );
}
