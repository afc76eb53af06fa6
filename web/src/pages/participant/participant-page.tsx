import { useState } from 'preact/hooks';
import { PageHeader } from '../../components/page-header.js';
import { t } from '../../i18n/index.js';
import type { Route } from '../../lib/route.js';
import '../../styles/participant.css';
import { JoinForm } from './join-form.js';
import { LiveView } from './live-view.js';
import { participantToken } from './participant-storage.js';
import { usePublicInfo } from './use-public-info.js';

export function Page({ route }: { route: Route }) {
  const code = route.page === 'join' ? route.code : '';
  const [token, setToken] = useState(() => participantToken.get(code));
  const [erased, setErased] = useState(false);
  const { loaded, reload } = usePublicInfo(code, !token);

  const dict = t();
  if (loaded.state !== 'ok') {
    // An erased event this phone was part of says so, and offers nothing to fill in.
    const message =
      loaded.state === 'loading'
        ? dict.loading
        : loaded.state === 'missing'
          ? erased
            ? dict.join.eventErased
            : dict.join.eventMissing
          : dict.errors.network;
    return (
      <main class="phone">
        <PageHeader title="Tischwechsel" />
        <p role="status" class="notice" data-testid="join-unavailable">
          {message}
        </p>
      </main>
    );
  }

  const { info } = loaded;
  const leaveForGood = (reason: 'erased' | 'unauthorized') => {
    participantToken.forget(code);
    setToken(null);
    setErased(reason === 'erased');
    // Was it me, or the whole event? Asking again tells, and an erased event shows no form.
    if (reason === 'erased') void reload();
  };

  return (
    <main class="phone">
      <PageHeader title={info.title} />
      {token ? (
        <LiveView code={code} token={token} catalogue={info.catalogue} onGone={leaveForGood} />
      ) : (
        <>
          {erased && (
            <p class="notice success" role="status">
              {dict.live.erasedNotice}
            </p>
          )}
          <JoinForm
            info={info}
            onJoined={(newToken) => {
              participantToken.set(code, newToken);
              setErased(false);
              setToken(newToken);
            }}
          />
        </>
      )}
      <footer class="page-footer">
        <a href={`/privacy?event=${code}`}>{dict.privacyLink}</a> ·{' '}
        <a href={`/accessibility?event=${code}`}>{dict.accessibilityLink}</a>
      </footer>
    </main>
  );
}
