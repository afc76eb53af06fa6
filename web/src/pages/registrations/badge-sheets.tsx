import { label } from '../../i18n/index.js';
import { registrationsText } from '../../i18n/pages/registrations.js';
import type { BadgeSheets as Printables } from './import-types.js';

export type { Printables };

export const BADGE_SIZES = { '90x55': 10, '86x54': 10, a6: 4 } as const;
export type BadgeSize = keyof typeof BADGE_SIZES;

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The QR code is our server's own SVG (paths only), drawn from the claim link. */
const Qr = ({ svg, className }: { svg: string; className: string }) => (
  <div class={className} aria-hidden="true" dangerouslySetInnerHTML={{ __html: svg }} />
);

export function BadgeSheets({
  data,
  size,
  showStage,
}: {
  data: Printables;
  size: BadgeSize;
  showStage: boolean;
}) {
  const b = registrationsText().badges;
  return (
    <>
      {chunk(data.badges, BADGE_SIZES[size]).map((sheet, i) => (
        <section class={`sheet badges size-${size}`} key={sheet[0]!.id} aria-label={`${b.print} ${i + 1}`}>
          {sheet.map((badge) => (
            <article class="badge" key={badge.id} data-testid="badge">
              <p class="badge-first">{badge.firstName}</p>
              {badge.restName && <p class="badge-rest">{badge.restName}</p>}
              {badge.organisation && <p class="badge-org">{badge.organisation}</p>}
              {showStage && badge.stage && (
                <p class="badge-stage" data-testid="badge-stage">
                  <span class="stage-dots" aria-hidden="true">
                    {Array.from({ length: data.stageCount }, (_, k) =>
                      k <= badge.stage!.value ? '●' : '○',
                    ).join('')}
                  </span>{' '}
                  {label(badge.stage.label)}
                </p>
              )}
              <div class="badge-qr-box">
                <Qr svg={badge.qrSvg} className="badge-qr" />
                <p class="badge-qr-hint">{b.scanToClaim}</p>
              </div>
            </article>
          ))}
        </section>
      ))}
    </>
  );
}

export function TableCards({ data }: { data: Printables }) {
  const b = registrationsText().badges;
  return (
    <>
      {chunk(data.tables, 2).map((sheet) => (
        <section class="sheet cards" key={sheet[0]!.label}>
          {sheet.map((table) => (
            <article class="table-card" key={table.label} data-testid="table-card">
              <p class="card-label">
                <span class="card-word">{b.tableCard}</span> {table.label}
              </p>
              {table.topic && <p class="card-topic">{label(table.topic)}</p>}
              <Qr svg={table.qrSvg} className="card-qr" />
              <p class="card-join">
                {b.joinHere} {data.joinLink}
              </p>
            </article>
          ))}
        </section>
      ))}
    </>
  );
}
