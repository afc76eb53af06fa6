import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/index.js';
import { errorText } from '../lib/error-text.js';

/** Loads what a page shows once per key; the error comes back as text for the page language. */
export function useLoaded<T>(load: () => Promise<T>, key: string): { data: T | null; error: string | null } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Loads again only when the key changes, not on every new closure.
  useEffect(() => {
    load()
      .then(setData)
      .catch((e) => setError(errorText(e)));
  }, [key]);
  return { data, error };
}

/** What a page shows until its data is there: "loading", or why it cannot be. */
export function LoadingPage({ error }: { error: string | null }) {
  return (
    <main>
      {error ? (
        <p role="alert" class="notice">
          {error}
        </p>
      ) : (
        <p class="notice">{t().loading}</p>
      )}
    </main>
  );
}
