import { useState } from 'preact/hooks';
import { Alert } from '../../components/alert.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { label, t } from '../../i18n/index.js';
import type { Catalogue, ModeratorView } from '../../lib/types.js';
import { useModeratorAction } from './moderator-context.js';

/** The tables with their topics and hosts; between rounds the layout can grow to count × seats. */
export function TablesPanel({ view, catalogue }: { view: ModeratorView; catalogue: Catalogue }) {
  const tb = t().tables;
  const { call, busy, error } = useModeratorAction();
  const [count, setCount] = useState(view.tables.length);
  const [seats, setSeats] = useState(view.tables[0]?.seats ?? 6);
  const topicLabel = (key: string | null) => {
    const interest = catalogue.interests.find((i) => i.key === key);
    return interest ? label(interest.label) : '';
  };
  const seated = (tableId: number) => view.participants.filter((p) => p.tableId === tableId).length;
  const live = view.event.phase === 'round';
  const finished = view.event.phase === 'finished';

  return (
    <section class="panel" aria-labelledby="tables-heading">
      <h2 id="tables-heading">{tb.heading(view.tables.length)}</h2>
      <ScrollRegion label={tb.heading(view.tables.length)}>
        <table class="tables">
          <thead>
            <tr>
              <th scope="col">{t().table}</th>
              <th scope="col">{tb.seats}</th>
              <th scope="col">{tb.topic}</th>
              <th scope="col">{tb.host}</th>
            </tr>
          </thead>
          <tbody>
            {view.tables.map((table) => (
              <tr key={table.id}>
                <th scope="row">{table.label}</th>
                <td>{live ? `${seated(table.id)} / ${table.seats}` : table.seats}</td>
                <td>{topicLabel(table.topic)}</td>
                <td>
                  <select
                    aria-label={tb.hostLabel(table.label)}
                    value={table.hostParticipantId ?? ''}
                    disabled={busy || finished}
                    onChange={(e) =>
                      call(`/tables/${table.id}/host`, 'PUT', {
                        participantId: e.currentTarget.value || null,
                      })
                    }
                  >
                    <option value="">{tb.noHost}</option>
                    {view.participants.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.displayName}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {!live && !finished && (
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            call('', 'PATCH', { tables: { count, seats } });
          }}
        >
          <div class="field">
            <label for="tables-count">{tb.count}</label>
            <input
              id="tables-count"
              type="number"
              min={1}
              max={500}
              value={count}
              onInput={(e) => setCount(Number(e.currentTarget.value))}
            />
          </div>
          <div class="field">
            <label for="tables-seats">{tb.seats}</label>
            <input
              id="tables-seats"
              type="number"
              min={2}
              max={20}
              value={seats}
              onInput={(e) => setSeats(Number(e.currentTarget.value))}
            />
          </div>
          <button type="submit" disabled={busy}>
            {tb.apply}
          </button>
        </form>
      )}
      <Alert message={error} />
    </section>
  );
}
