import { useEffect, useState } from 'preact/hooks';
import type { Role, ViewByRole } from '../../../src/realtime/messages.js';
import { preselectLanguage } from '../i18n/index.js';
import { type ConnectionStatus, connect } from './realtime.js';

/**
 * The live view of an event for the moderator or the screen, whose hello is code + secret; the event's
 * language is preselected once, from the first view.
 */
export function useLiveView<R extends Exclude<Role, 'participant'>>(
  role: R,
  code: string,
  secret: string | null,
  languageOf: (view: ViewByRole[R]) => 'de' | 'en',
) {
  const [view, setView] = useState<ViewByRole[R] | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [gone, setGone] = useState<'erased' | 'unauthorized' | null>(secret ? null : 'unauthorized');
  const [serverNow, setServerNow] = useState<() => number>(() => Date.now);

  useEffect(() => {
    if (!secret) return;
    let languageSet = false;
    const client = connect({
      credentials: { type: 'hello', role, code, secret } as never,
      onView: (next: ViewByRole[R]) => {
        if (!languageSet) preselectLanguage(languageOf(next));
        languageSet = true;
        setView(next);
      },
      onStatus: setStatus,
      onGone: setGone,
    });
    setServerNow(() => client.serverNow);
    return () => client.close();
  }, [role, code, secret]);

  return { view, status, gone, serverNow };
}
