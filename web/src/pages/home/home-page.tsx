import { useRef, useState } from 'preact/hooks';
import { PageHeader } from '../../components/page-header.js';
import { t } from '../../i18n/index.js';
import { ApiError, api } from '../../lib/api.js';
import { formatEventCode, normaliseEventCode } from '../../lib/event-code.js';
import type { Route } from '../../lib/route.js';
import '../../styles/participant.css';

/** `/` is for guests: type the code from the venue screen and go to the event's join page. */
export function Page(_props: { route: Route }) {
  const h = t().home;
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const code = normaliseEventCode(typed);
    if (!code) {
      setError(h.badCode);
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api(`/api/events/${code}`);
      location.assign(`/j/${code}`);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 404 ? h.unknownCode : t().errors.network);
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="phone">
      <PageHeader title={h.heading} />
      <p class="lead">{h.intro}</p>
      <form class="code-form" onSubmit={submit} noValidate>
        <div class="field">
          <label for="event-code">{h.codeLabel}</label>
          <p class="hint" id="event-code-hint">
            {h.codeHint}
          </p>
          <input
            ref={input}
            id="event-code"
            name="code"
            class="code-input"
            value={typed}
            // Shown the way the screen prints it; case, spaces and dashes do not matter.
            onInput={(e) => setTyped(e.currentTarget.value.toUpperCase())}
            onBlur={() => {
              const code = normaliseEventCode(typed);
              if (code) setTyped(formatEventCode(code));
            }}
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            inputMode="text"
            maxLength={24}
            aria-describedby={error ? 'event-code-hint event-code-error' : 'event-code-hint'}
            aria-invalid={error ? 'true' : undefined}
            data-testid="event-code"
          />
          {error && (
            <p class="field-error" id="event-code-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <button type="submit" class="primary big" disabled={busy}>
          {busy ? t().busy : h.go}
        </button>
      </form>
      <p class="organiser-link">
        {h.organiser} <a href="/new">{h.create}</a> · <a href="/guide">{t().guide.link}</a>
      </p>
      <footer class="page-footer">
        <a href="/privacy">{t().privacyLink}</a>
      </footer>
    </main>
  );
}
