import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n/index.js';
import { api } from '../../lib/api.js';
import type { KnownPerson } from '../../lib/types.js';
import { KnownToggle } from './known-toggle.js';

const SEARCH_DELAY_MS = 250;

/**
 * "Anyone here you already know?": look people up by name and say so before sharing a table. Only
 * the person who says it sees it; closed until opened, so it asks the server nothing unless used.
 */
export function KnownPeople({ token }: { token: string }) {
  const k = t().live.knownPeople;
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<KnownPerson[] | null>(null);
  const [mine, setMine] = useState<KnownPerson[]>([]);

  useEffect(() => {
    if (!open) return;
    api<{ people: KnownPerson[] }>('/api/me/known', { secret: token })
      .then((r) => setMine(r.people))
      .catch(() => setMine([]));
  }, [open, token]);

  useEffect(() => {
    const wanted = query.trim();
    if (!open || wanted.length < 2) {
      setFound(null);
      return;
    }
    const timer = setTimeout(() => {
      api<{ people: KnownPerson[] }>(`/api/me/people?q=${encodeURIComponent(wanted.slice(0, 80))}`, {
        secret: token,
      })
        .then((r) => setFound(r.people))
        .catch(() => setFound([]));
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [open, query, token]);

  const listed = (people: KnownPerson[], testId: string) => (
    <ul class="known-people-list" data-testid={testId}>
      {people.map((person) => (
        <li key={person.id}>
          <span class="known-person">
            <strong>{person.name}</strong>
            {person.organisation && <span class="muted"> · {person.organisation}</span>}
          </span>
          <KnownToggle mate={person} token={token} />
        </li>
      ))}
    </ul>
  );

  return (
    <details
      class="known-people"
      data-testid="known-people"
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>{k.summary}</summary>
      <p class="muted">{k.hint}</p>
      <label>
        {k.searchLabel}
        <input
          type="search"
          value={query}
          maxLength={80}
          autoComplete="off"
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
          data-testid="known-search"
        />
      </label>
      {found && (found.length > 0 ? listed(found, 'known-found') : <p class="muted">{k.nobody}</p>)}
      {mine.length > 0 && (
        <>
          <p class="known-mine-title">{k.mine}</p>
          {listed(mine, 'known-mine')}
        </>
      )}
    </details>
  );
}
