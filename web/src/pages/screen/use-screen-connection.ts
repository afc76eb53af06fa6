import { useEffect, useState } from 'preact/hooks';
import { preselectLanguage } from '../../i18n/index.js';
import { type ConnectionStatus, connect } from '../../lib/realtime.js';
import type { ScreenView } from '../../lib/types.js';

export function useScreenConnection(code: string, secret: string | null) {
  const [view, setView] = useState<ScreenView | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [gone, setGone] = useState<'erased' | 'unauthorized' | null>(secret ? null : 'unauthorized');
  const [serverNow, setServerNow] = useState<() => number>(() => Date.now);

  useEffect(() => {
    if (!secret) return;
    let languageSet = false;
    const client = connect({
      credentials: { type: 'hello', role: 'screen', code, secret },
      onView: (next) => {
        if (!languageSet) preselectLanguage(next.language);
        languageSet = true;
        setView(next);
      },
      onStatus: setStatus,
      onGone: setGone,
    });
    setServerNow(() => client.serverNow);
    return () => client.close();
  }, [code, secret]);

  return { view, status, gone, serverNow };
}
