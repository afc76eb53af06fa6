import { createContext } from 'preact';
import { useContext, useState } from 'preact/hooks';
import { api } from '../../lib/api.js';
import { errorText } from '../../lib/error-text.js';

export interface ModeratorSession {
  code: string;
  secret: string;
}

export const ModeratorContext = createContext<ModeratorSession>({ code: '', secret: '' });

/** Calls the moderator API for this event and keeps the last error and a busy flag for the panel. */
export function useModeratorAction() {
  const { code, secret } = useContext(ModeratorContext);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const call = async <T>(
    path: string,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE' = 'POST',
    body?: unknown,
  ): Promise<{ value: T } | null> => {
    setBusy(true);
    setError(null);
    try {
      return { value: await api<T>(`/api/events/${code}${path}`, { method, body, secret }) };
    } catch (e) {
      setError(errorText(e));
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { call, busy, error, setError, code, secret };
}
