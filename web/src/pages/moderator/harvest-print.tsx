import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n/index.js';
import { api } from '../../lib/api.js';
import '../../styles/cafe.css';
import { ct } from '../../i18n/cafe.js';
import type { HarvestReport } from '../../lib/types.js';

/** The printed harvest: per played round its question and the tables' visible takeaways. */
export function HarvestPrint({ code, secret, title }: { code: string; secret: string; title: string }) {
  const [report, setReport] = useState<HarvestReport | null>(null);
  const p = ct().print;
  useEffect(() => {
    api<HarvestReport>(`/api/events/${code}/harvest`, { secret })
      .then(setReport)
      .catch(() => setReport(null));
  }, [code, secret]);
  const rounds = report?.rounds.filter((r) => r.tables.length > 0 || r.question) ?? [];
  if (rounds.length === 0) return null;
  return (
    <section class="print-round print-harvest" aria-labelledby="print-harvest" data-testid="print-harvest">
      <h2 id="print-harvest">
        {title} — {p.heading}
      </h2>
      {rounds.map((round) => (
        <div key={round.number} class="print-harvest-round">
          <h3>{p.round(round.number)}</h3>
          {round.question &&
            (['de', 'en'] as const).map((lang) =>
              round.question?.[lang] ? (
                <p key={lang} lang={lang} class="print-question">
                  {round.question[lang]}
                </p>
              ) : null,
            )}
          {round.tables.length === 0 ? (
            <p>{p.none}</p>
          ) : (
            <dl class="print-table-rounds">
              {round.tables.map((table) => (
                <div key={table.label}>
                  <dt>
                    {t().table} {table.label}
                  </dt>
                  <dd>
                    <ul>
                      {table.items.map((item, i) => (
                        <li key={`${i}-${item}`}>{item}</li>
                      ))}
                    </ul>
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </div>
      ))}
    </section>
  );
}
