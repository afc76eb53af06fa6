import { useRef } from 'preact/hooks';
import { t } from '../../i18n/index.js';
import { formatClock, useRemaining, WARNING_MS } from '../../lib/countdown.js';
import type { ScreenView } from '../../lib/types.js';
import { JoinQr } from './join-qr.js';
import { ScreenQuestion } from './screen-question.js';
import { usePaging } from './use-paging.js';

const COLUMNS = 4;
// Matches .seating-row in screen.css: one line of 44px text with its gap.
const ROW_HEIGHT = 68;

/** During a round: the countdown and the alphabetical name → table list, paging when it does not fit. */
export function RoundBoard({ view, serverNow }: { view: ScreenView; serverNow: () => number }) {
  const s = t().screen;
  const box = useRef<HTMLDivElement>(null);
  const remaining = useRemaining(view.round?.endsAt, serverNow);
  // Long table labels ("Governance corner") need wider columns, or names and labels both get cut.
  const maxColumns = view.seating.some((e) => e.table.length > 4) ? COLUMNS - 1 : COLUMNS;
  const paging = usePaging(box, view.seating.length, maxColumns, ROW_HEIGHT);
  const shown = view.seating.slice(paging.start, paging.end);
  const columns = Math.min(maxColumns, Math.max(2, Math.ceil(shown.length / paging.rows)));
  const warning = remaining !== null && remaining <= WARNING_MS;

  return (
    <div class="round-board">
      <header class="board-head">
        <h1 class="board-title">{s.round(view.round?.number ?? 0, view.plannedRounds)}</h1>
        {remaining !== null && (
          <p class={warning ? 'board-countdown warning' : 'board-countdown'} data-testid="screen-countdown">
            <span class="sr-only">{s.timeLeft} </span>
            {formatClock(remaining)}
          </p>
        )}
      </header>
      <ScreenQuestion question={view.cafe.question} />
      <div class="seating-box" ref={box}>
        <ol
          class="seating"
          data-testid="seating"
          style={{
            gridTemplateRows: `repeat(${paging.rows}, ${ROW_HEIGHT}px)`,
            gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
          }}
        >
          {shown.map((entry, i) => (
            <li class="seating-row" key={`${paging.start + i}`}>
              <span class="seat-name" data-testid="seat-name">
                {entry.name}
              </span>
              <span class="seat-arrow" aria-hidden="true">
                →
              </span>
              <span class="seat-table">
                <span class="sr-only">{s.table} </span>
                <span data-testid="seat-table">{entry.table}</span>
              </span>
            </li>
          ))}
        </ol>
      </div>
      <footer class="board-foot">
        {paging.pages > 1 && (
          <p class="page-indicator" data-testid="page-indicator">
            {s.page(paging.page + 1, paging.pages)}
          </p>
        )}
        <div class="corner-join">
          <JoinQr code={view.code} joinUrl={view.joinUrl} size="small" />
          <p>
            {s.lateJoin}
            <br />
            <span class="corner-url">{view.joinUrl}</span>
          </p>
        </div>
      </footer>
    </div>
  );
}
