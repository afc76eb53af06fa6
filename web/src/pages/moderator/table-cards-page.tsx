import { LoadingPage, useLoaded } from '../../components/loaded.js';
import { tc } from '../../i18n/console.js';
import { label, t } from '../../i18n/index.js';
import { api } from '../../lib/api.js';
import { type Route, secretFromHash } from '../../lib/route.js';
import type { ModeratorView, PublicInfo } from '../../lib/types.js';
import '../../styles/print.css';

/** A card per table to stand on it: the label big enough to find across the room, topic, host, join code. */
export function Page({ route }: { route: Route }) {
  const code = route.page === 'cards' ? route.code : '';
  const { data, error } = useLoaded(
    () =>
      Promise.all([
        api<ModeratorView>(`/api/events/${code}/state`, { secret: secretFromHash() }),
        api<PublicInfo>(`/api/events/${code}`),
      ]),
    code,
  );
  const c = tc().tableCards;
  if (!data) return <LoadingPage error={error} />;
  const [view, { catalogue }] = data;
  const topicOf = (key: string | null) => catalogue.interests.find((i) => i.key === key);
  const hostOf = (id: string | null) => view.participants.find((p) => p.id === id)?.displayName;
  return (
    <main class="print">
      <div class="print-tools no-print">
        <h1>{c.heading(view.event.title)}</h1>
        <button type="button" class="primary" onClick={() => window.print()}>
          {t().print.print}
        </button>
      </div>
      {view.tables.map((table) => {
        const topic = topicOf(table.topic);
        const host = hostOf(table.hostParticipantId);
        return (
          <section class="table-card" key={table.id} aria-label={`${t().table} ${table.label}`}>
            <p class="table-card-kind">{t().table}</p>
            <p class="table-card-label" data-testid="table-card-label">
              {table.label}
            </p>
            {topic && <p class="table-card-topic">{c.topic(label(topic.label))}</p>}
            {host && <p class="table-card-host">{c.host(host)}</p>}
            <div class="table-card-join">
              <img src={`/api/events/${code}/qr.svg`} alt="" width={96} height={96} />
              <p>
                {c.join}
                <br />
                <span class="link-text">{view.links.join}</span>
              </p>
            </div>
          </section>
        );
      })}
    </main>
  );
}
