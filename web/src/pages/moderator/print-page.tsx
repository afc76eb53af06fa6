import { LoadingPage, useLoaded } from '../../components/loaded.js';
import { t } from '../../i18n/index.js';
import { api } from '../../lib/api.js';
import { type Route, secretFromHash } from '../../lib/route.js';
import type { SeatingPlan } from '../../lib/types.js';
import '../../styles/print.css';
import { HarvestPrint } from './harvest-print.js';

/**
 * The fallback when the Wi-Fi fails: one printed page per round, name → table, alphabetical, the
 * planned rounds included (printable before doors open), then one page per table.
 */
export function Page({ route }: { route: Route }) {
  const code = route.page === 'print' ? route.code : '';
  const { data: plan, error } = useLoaded(
    () => api<SeatingPlan>(`/api/events/${code}/plan`, { secret: secretFromHash() }),
    code,
  );
  const p = t().print;
  if (!plan) return <LoadingPage error={error} />;
  return (
    <main class="print">
      <div class="print-tools no-print">
        <h1>{p.heading(plan.title)}</h1>
        <button type="button" class="primary" onClick={() => window.print()}>
          {p.print}
        </button>
        {plan.rounds.length === 0 && <p>{p.empty}</p>}
      </div>
      {plan.rounds.map((round) => (
        <section class="print-round" key={round.number} aria-labelledby={`print-round-${round.number}`}>
          <h2 id={`print-round-${round.number}`}>
            {plan.title} — {p.round(round.number)}
            {round.planned && <span class="print-planned"> ({p.planned})</span>}
          </h2>
          <ol class="print-list">
            {round.seating.map((entry, i) => (
              <li key={`${round.number}-${i}`}>
                <span class="print-name">{entry.name}</span>
                <span class="print-table">
                  {t().table} {entry.table}
                </span>
              </li>
            ))}
          </ol>
        </section>
      ))}
      {plan.rounds.length > 0 &&
        plan.tables.map((table, i) => (
          <section
            class="print-round print-table-page"
            key={`table-${i}`}
            aria-labelledby={`print-table-${i}`}
          >
            <h2 id={`print-table-${i}`}>
              {plan.title} — {p.tablePage(table.label)}
            </h2>
            <dl class="print-table-rounds">
              {table.rounds.map((round) => (
                <div key={round.number}>
                  <dt>
                    {p.round(round.number)}
                    {round.planned && <span class="print-planned"> ({p.planned})</span>}
                  </dt>
                  <dd>{round.names.length > 0 ? round.names.join(', ') : '—'}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      <HarvestPrint code={code} secret={secretFromHash() ?? ''} title={plan.title} />
    </main>
  );
}
