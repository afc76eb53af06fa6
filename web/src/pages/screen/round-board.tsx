import { useRef } from 'preact/hooks';
import { t } from '../../i18n/index.js';
import { formatClock, WARNING_MS } from '../../lib/countdown.js';
import type { ScreenView } from '../../lib/types.js';
import { ChangeCue } from './change-cue.js';
import { COLUMN_GAP_EM, INNER_GAP_EM, LINE_HEIGHT } from './fit-seating.js';
import { JoinQr } from './join-qr.js';
import { ScreenQuestion } from './screen-question.js';
import { usePaging } from './use-paging.js';
import { measureEm, NAME_WEIGHT, TABLE_WEIGHT, useSeatingLayout } from './use-seating-layout.js';

// Long labels ("Governance corner") get the width of this many characters, longer ones smaller type.
const TABLE_CHARS = 16;

/** Type scaled down so that a name longer than its column is shown whole, never cut. */
function fittedSize(text: string, weight: number, family: string, fontPx: number, widthPx: number) {
  const width = measureEm(text, weight, family) * fontPx * 1.01;
  return width <= widthPx ? undefined : `${Math.max(0.4, widthPx / width) * fontPx}px`;
}

/** During a round: the countdown and the alphabetical name → table list, fitted to the screen. */
export function RoundBoard({
  view,
  remaining,
  nextStep,
}: {
  view: ScreenView;
  remaining: number | null;
  nextStep: string;
}) {
  const s = t().screen;
  const box = useRef<HTMLDivElement>(null);
  const layout = useSeatingLayout(box, view.seating);
  const paging = usePaging(view.seating.length, layout.perPage);
  const shown = view.seating.slice(paging.start, paging.end);
  const warning = remaining !== null && remaining <= WARNING_MS;
  const tableWidthPx = (label: string) =>
    measureEm(label.slice(0, TABLE_CHARS), TABLE_WEIGHT, layout.family) * layout.fontPx * 1.01;

  return (
    <div class="round-board">
      <header class="board-head">
        <h1 class="board-title">
          {view.extraRound
            ? s.extraRound(view.round?.number ?? 0)
            : s.round(view.round?.number ?? 0, view.plannedRounds)}
        </h1>
        {remaining !== null && (
          <p class={warning ? 'board-countdown warning' : 'board-countdown'} data-testid="screen-countdown">
            <span class="sr-only">{s.timeLeft} </span>
            {formatClock(remaining)}
          </p>
        )}
        {paging.pages > 1 && (
          <p class="page-indicator" data-testid="page-indicator">
            {s.page(paging.page + 1, paging.pages)}
          </p>
        )}
        <div class="corner-join">
          <p>
            {s.lateJoin}
            <br />
            <span class="corner-url">{view.joinUrl}</span>
          </p>
          <JoinQr code={view.code} joinUrl={view.joinUrl} size="small" />
        </div>
      </header>
      <ScreenQuestion question={view.cafe.question} />
      <div class="seating-box" ref={box}>
        <ol
          class="seating"
          data-testid="seating"
          data-font-px={layout.fontPx}
          style={{
            fontSize: `${layout.fontPx}px`,
            lineHeight: LINE_HEIGHT,
            columnGap: `${COLUMN_GAP_EM}em`,
            gridTemplateRows: `repeat(${layout.rows}, minmax(0, 1fr))`,
            gridTemplateColumns: `repeat(${layout.columns}, minmax(0, 1fr))`,
          }}
        >
          {shown.map((entry, i) => (
            <li class="seating-row" key={`${paging.start + i}`} style={{ gap: `${INNER_GAP_EM}em` }}>
              <span
                class="seat-name"
                data-testid="seat-name"
                style={{
                  fontSize: fittedSize(
                    entry.name,
                    NAME_WEIGHT,
                    layout.family,
                    layout.fontPx,
                    layout.nameWidthPx,
                  ),
                }}
              >
                {entry.name}
              </span>
              <span class="seat-arrow" aria-hidden="true">
                →
              </span>
              <span class="seat-table">
                <span class="sr-only">{s.table} </span>
                <span
                  data-testid="seat-table"
                  style={{
                    fontSize: fittedSize(
                      entry.table,
                      TABLE_WEIGHT,
                      layout.family,
                      layout.fontPx,
                      tableWidthPx(entry.table),
                    ),
                  }}
                >
                  {entry.table}
                </span>
              </span>
            </li>
          ))}
        </ol>
      </div>
      {remaining === 0 && <ChangeCue nextStep={nextStep} overlay />}
    </div>
  );
}
