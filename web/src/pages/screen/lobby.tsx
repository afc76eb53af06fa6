import { t } from '../../i18n/index.js';
import { formatEventCode } from '../../lib/event-code.js';
import type { ScreenView } from '../../lib/types.js';
import { FitLine } from './fit-line.js';
import { JoinQr } from './join-qr.js';
import { StageLineup } from './stage-lineup.js';

export function Lobby({ view, headline }: { view: ScreenView; headline: string }) {
  const s = t().screen;
  const host = new URL(view.joinUrl).host;
  const maxPx = Math.round(window.innerHeight * 0.04);
  return (
    <div class="lobby">
      <div class="lobby-join">
        <JoinQr code={view.code} joinUrl={view.joinUrl} size="big" />
        <p class="join-url">
          <span class="join-url-label">{s.joinAt}</span>
          <FitLine text={view.joinUrl} maxPx={maxPx} weight={700} class="join-url-text" testId="join-url" />
        </p>
        <p class="join-code">
          <span class="join-url-label">{s.orCode(host)}</span>
          <span class="join-code-text" data-testid="join-code">
            {formatEventCode(view.code)}
          </span>
        </p>
      </div>
      <div class="lobby-info">
        <p class="headline">{headline}</p>
        <p class="joined-count">
          <span class="count-number" data-testid="joined-count">
            {view.joinedCount}
          </span>{' '}
          {s.joined(view.joinedCount)}
        </p>
        {!view.joinOpen && <p class="join-paused">{s.joinPaused}</p>}
        <StageLineup view={view} />
      </div>
    </div>
  );
}
