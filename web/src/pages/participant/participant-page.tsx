import { useEffect, useState } from 'preact/hooks';
import { PageHeader } from '../../components/page-header.js';
import { preselectLanguage, t } from '../../i18n/index.js';
import { ApiError, api } from '../../lib/api.js';
import type { Route } from '../../lib/route.js';
import type { PublicInfo } from '../../lib/types.js';
import '../../styles/participant.css';
import { JoinForm } from './join-form.js';
import { LiveView } from './live-view.js';
import { participantToken } from './participant-storage.js';

type Loaded =
  | { state: 'loading' }
  | { state: 'missing' }
  | { state: 'error' }
  | { state: 'ok'; info: PublicInfo };

export function Page({ route }: { route: Route }) {
  const code = route.page === 'join' ? route.code : '';
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [token, setToken] = useState(() => participantToken.get(code));
  const [erased, setErased] = useState(false);

  useEffect(() => {
    // The catalogue (labels, starters) comes once from here; live pushes stay small.
    api<PublicInfo>(`/api/events/${code}`)
      .then((info) => {
        preselectLanguage(info.language);
        setLoaded({ state: 'ok', info });
      })
      .catch((error) =>
        setLoaded({ state: error instanceof ApiError && error.status === 404 ? 'missing' : 'error' }),
      );
  }, [code]);

  const dict = t();
  if (loaded.state !== 'ok') {
    const message =
      loaded.state === 'loading'
        ? dict.loading
        : loaded.state === 'missing'
          ? dict.join.eventMissing
          : dict.errors.network;
    return (
      <main class="phone">
        <PageHeader title="Tischwechsel" />
        <p role="status" class="notice">
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
