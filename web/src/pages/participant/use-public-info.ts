import { useEffect, useState } from 'preact/hooks';
import { preselectLanguage } from '../../i18n/index.js';
import { ApiError, api } from '../../lib/api.js';
import type { PublicInfo } from '../../lib/types.js';

export type Loaded =
  | { state: 'loading' }
  | { state: 'missing' }
  | { state: 'error' }
  | { state: 'ok'; info: PublicInfo };

// A guest without a token has no socket; while joining is paused the page asks again this often.
const PAUSED_POLL_MS = 4000;

/** The event as the join page sees it, followed while joining is paused so it reopens by itself. */
export function usePublicInfo(code: string, follow: boolean) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const load = () =>
    api<PublicInfo>(`/api/events/${code}`)
      .then((info) => {
        preselectLanguage(info.language);
        setLoaded({ state: 'ok', info });
      })
      .catch((error) =>
        setLoaded((previous) =>
          error instanceof ApiError && error.status === 404
            ? { state: 'missing' }
            : // A failed poll keeps what the page shows; only the first load shows the error.
              previous.state === 'ok'
              ? previous
              : { state: 'error' },
        ),
      );

  useEffect(() => {
    void load();
  }, [code]);

  const paused = loaded.state === 'ok' && loaded.info.status === 'active' && !loaded.info.joinOpen;
  useEffect(() => {
    if (!follow || !paused) return;
    const timer = setInterval(load, PAUSED_POLL_MS);
    return () => clearInterval(timer);
  }, [code, follow, paused]);

  const reload = () => {
    setLoaded({ state: 'loading' });
    return load();
  };
  return { loaded, reload };
}
