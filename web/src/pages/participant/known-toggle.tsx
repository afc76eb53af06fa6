import { useState } from 'preact/hooks';
import { t } from '../../i18n/index.js';
import { api } from '../../lib/api.js';

/**
 * "We already know each other": private (the mate is never told); the planner then treats the pair
 * as having met. The new state arrives with the next push; the button shows it at once.
 */
export function KnownToggle({
  mate,
  token,
}: {
  mate: { id: string; name: string; known: boolean };
  token: string;
}) {
  const k = t().live.known;
  const [pending, setPending] = useState<boolean | null>(null);
  const known = pending ?? mate.known;
  const toggle = async () => {
    const next = !known;
    setPending(next);
    try {
      await api(`/api/me/known/${mate.id}`, { method: next ? 'PUT' : 'DELETE', secret: token });
    } catch {
      setPending(null);
    }
  };
  return (
    <button
      type="button"
      class="known-toggle small"
      aria-pressed={known}
      aria-label={k.label(mate.name)}
      onClick={toggle}
      data-testid="known-toggle"
    >
      {known ? k.on : k.off}
    </button>
  );
}
