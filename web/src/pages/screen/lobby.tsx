import { t } from '../../i18n/index.js';
import type { ScreenView } from '../../lib/types.js';
import { JoinQr } from './join-qr.js';
import { StageLineup } from './stage-lineup.js';

export function Lobby({ view, headline }: { view: ScreenView; headline: string }) {
  const s = t().screen;
  return (
    <div class="lobby">
      <div class="lobby-join">
        <JoinQr code={view.code} joinUrl={view.joinUrl} size="big" />
        <p class="join-url">
          <span class="join-url-label">{s.joinAt}</span>
          <span class="join-url-text" data-testid="join-url">
            {view.joinUrl}
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
