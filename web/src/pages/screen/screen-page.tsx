import type { JSX } from 'preact';
import { LanguageSwitch } from '../../components/language-switch.js';
import { t } from '../../i18n/index.js';
import { type Route, secretFromHash } from '../../lib/route.js';
import '../../styles/screen.css';
import { useLiveView } from '../../lib/use-live-view.js';
import { FeedbackRecap } from './feedback-recap.js';
import { HarvestWall } from './harvest-wall.js';
import { Lobby } from './lobby.js';
import { RoundBoard } from './round-board.js';

export function Page({ route }: { route: Route }) {
  const code = route.page === 'screen' ? route.code : '';
  const { view, status, gone, serverNow } = useLiveView('screen', code, secretFromHash(), (v) => v.language);
  const s = t().screen;

  let body: JSX.Element;
  if (gone) body = <p class="screen-message">{gone === 'erased' ? s.erased : s.badLink}</p>;
  else if (!view) body = <p class="screen-message">{t().loading}</p>;
  else if (view.cafe.wall) body = <HarvestWall wall={view.cafe.wall} />;
  else if (view.phase === 'round') body = <RoundBoard view={view} serverNow={serverNow} />;
  else if (view.phase === 'finished')
    body = (
      <>
        <p class="screen-message">{s.finished}</p>
        {view.cafe.recap && <FeedbackRecap recap={view.cafe.recap} />}
      </>
    );
  else body = <Lobby view={view} headline={view.phase === 'lobby' ? s.welcome : s.nextSoon} />;

  return (
    <main class="screen" data-phase={view?.phase ?? 'loading'}>
      {view && view.phase !== 'round' && !view.cafe.wall && <h1 class="screen-title">{view.title}</h1>}
      {body}
      {status === 'reconnecting' && (
        <p class="screen-reconnecting" role="status">
          {t().live.reconnecting}
        </p>
      )}
      <div class="screen-tools">
        <LanguageSwitch />
      </div>
    </main>
  );
}
