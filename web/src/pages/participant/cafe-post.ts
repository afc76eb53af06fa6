import { useState } from 'preact/hooks';
import { api } from '../../lib/api.js';
import { errorText } from '../../lib/error-text.js';
import type { ParticipantView } from '../../lib/types.js';

/** What the phone's café parts (harvest, feedback) are given by the phone page. */
export interface CafePartProps {
  view: ParticipantView;
  token: string;
  serverNow: () => number;
  onChanged: (next: ParticipantView) => void;
}

/**
 * A café answer sent as me: the server answers with my view, which the page shows at once (the
 * socket may be reconnecting). Busy while it goes; the error in words when it fails.
 */
export function useCafePost(token: string, onChanged: (next: ParticipantView) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** True when the server took it. */
  const post = async (path: string, body: object): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await api<ParticipantView>(path, { method: 'POST', body, secret: token }));
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, post };
}
