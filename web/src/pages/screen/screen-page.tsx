import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../i18n/index.js';
import { useRemaining } from '../../lib/countdown.js';
import { type Route, secretFromHash } from '../../lib/route.js';
import type { ScreenView } from '../../lib/types.js';
import '../../styles/screen.css';
import { useLiveView } from '../../lib/use-live-view.js';
import { ChangeCue } from './change-cue.js';
import { playChime } from './chime.js';
import { FeedbackRecap } from './feedback-recap.js';
import { HarvestWall } from './harvest-wall.js';
import { JoinQr } from './join-qr.js';
import { Lobby } from './lobby.js';
import { RecapBoard } from './recap.js';
import { RoundBoard } from './round-board.js';
import { ScreenTools } from './screen-tools.js';

/** What the room does next once a round is over. */
function nextStepOf(view: ScreenView): string {
  const s = t().screen;
  const next = (view.round?.number ?? view.roundsPlayed) + 1;
  return next > view.plannedRounds ? s.lastRoundDone : s.nextRound(next);
}

/** Chimes when a round runs out or is ended, not when the page opens on an already ended one. */
function useChimeOn(cue: boolean, ready: boolean) {
  const previous = useRef<boolean | null>(null);
  useEffect(() => {
    if (!ready) return;
    if (previous.current === false && cue) playChime();
    previous.current = cue;
  }, [cue, ready]);
}

export function Page({ route }: { route: Route }) {
  const code = route.page === 'screen' ? route.code : '';
  const { view, status, gone, serverNow } = useLiveView('screen', code, secretFromHash(), (v) => v.language);
  const remaining = useRemaining(view?.round?.endsAt, serverNow);
  const s = t().screen;
  const cue = view?.phase === 'between' || (view?.phase === 'round' && remaining === 0);
  useChimeOn(cue, view !== null);

  let body: JSX.Element;
  if (gone) body = <p class="screen-message">{gone === 'erased' ? s.erased : s.badLink}</p>;
  else if (!view) body = <p class="screen-message">{t().loading}</p>;
  else if (view.cafe.wall) body = <HarvestWall wall={view.cafe.wall} />;
  else if (view.phase === 'round')
    body = <RoundBoard view={view} remaining={remaining} nextStep={nextStepOf(view)} />;
  else if (view.phase === 'finished')
    body = view.recap ? (
      <RecapBoard recap={view.recap}>
        {view.cafe.recap && <FeedbackRecap recap={view.cafe.recap} />}
      </RecapBoard>
    ) : (
      <p class="screen-message">{s.finished}</p>
    );
  else if (view.phase === 'between')
    body = (
      <div class="between">
        <ChangeCue nextStep={nextStepOf(view)} overlay={false} />
        <div class="corner-join">
          <p>{s.lateJoin}</p>
          <JoinQr code={view.code} joinUrl={view.joinUrl} size="small" />
        </div>
      </div>
    );
  else body = <Lobby view={view} headline={s.welcome} />;

  return (
    <main class="screen" data-phase={view?.phase ?? 'loading'}>
      {view && view.phase !== 'round' && !view.cafe.wall && <h1 class="screen-title">{view.title}</h1>}
      {body}
      {status === 'reconnecting' && (
        <p class="screen-reconnecting" role="status" data-testid="reconnecting">
          {t().live.reconnecting}
        </p>
      )}
      <ScreenTools />
    </main>
  );
}
