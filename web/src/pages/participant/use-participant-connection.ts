import { useEffect, useRef, useState } from 'preact/hooks';
import { type ConnectionStatus, connect } from '../../lib/realtime.js';
import type { ParticipantView } from '../../lib/types.js';

const localNow = () => Date.now();

/** The participant's live view; while the link is down it keeps the last view it had. */
export function useParticipantConnection(token: string, onGone: (reason: 'erased' | 'unauthorized') => void) {
  const [view, setView] = useState<ParticipantView | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [serverNow, setServerNow] = useState<() => number>(() => localNow);
  const goneRef = useRef(onGone);
  goneRef.current = onGone;

  useEffect(() => {
    const client = connect({
      credentials: { type: 'hello', role: 'participant', token },
      onView: (next) => setView(next),
      onStatus: setStatus,
      onGone: (reason) => goneRef.current(reason),
    });
    setServerNow(() => client.serverNow);
    return () => client.close();
  }, [token]);

  return { view, status, serverNow, setView };
}
