import { useEffect, useRef, useState } from 'preact/hooks';
import { Alert } from '../../components/alert.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { tc } from '../../i18n/console.js';
import { label, t } from '../../i18n/index.js';
import type { Catalogue, ModeratorView } from '../../lib/types.js';
import { useModeratorAction } from './moderator-context.js';
import { TablesEditor } from './tables-editor.js';

/** The tables with their topics and hosts; between rounds the moderator edits them as a labelled list. */
export function TablesPanel({ view, catalogue }: { view: ModeratorView; catalogue: Catalogue }) {
  const tb = t().tables;
  const tbc = tc().tables;
  const { call, busy, error, setError, code, secret } = useModeratorAction();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  // One host menu at a time: a menu of every person per table is thousands of options with 300 people.
  const [choosingHost, setChoosingHost] = useState<number | null>(null);
  const nameOf = (id: string | null) => view.participants.find((p) => p.id === id)?.displayName ?? null;
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (editing || !returnFocus.current) return;
    returnFocus.current = false;
    editButton.current?.focus();
  }, [editing]);
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
                  {choosingHost === table.id ? (
                    <select
                      aria-label={tb.hostLabel(table.label)}
                      value={table.hostParticipantId ?? ''}
                      disabled={busy}
                      ref={(el) => el?.focus()}
                      onBlur={() => setChoosingHost(null)}
                      onChange={async (e) => {
                        const participantId = e.currentTarget.value || null;
                        setChoosingHost(null);
                        await call(`/tables/${table.id}/host`, 'PUT', { participantId });
                      }}
                    >
                      <option value="">{tb.noHost}</option>
                      {view.participants.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.displayName}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <span class="host-cell">
                      <span data-testid="table-host">{nameOf(table.hostParticipantId) ?? tb.noHost}</span>
                      {!finished && (
                        <button
                          type="button"
                          class="small-button"
                          disabled={busy}
                          onClick={() => setChoosingHost(table.id)}
                        >
                          {tbc.changeHost}
                          <span class="sr-only"> {tb.hostLabel(table.label)}</span>
                        </button>
                      )}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {editing ? (
        <TablesEditor
          view={view}
          catalogue={catalogue}
          onDone={(savedNow) => {
            returnFocus.current = true;
            // A saved layout answers whatever went wrong before; an old error beside it would contradict it.
            if (savedNow) setError(null);
            setSaved(savedNow);
            setEditing(false);
          }}
        />
      ) : (
        <p class="button-row">
          {!finished && (
            <button
              type="button"
              ref={editButton}
              onClick={() => {
                setSaved(false);
                setError(null);
                setEditing(true);
              }}
            >
              {tb.edit}
            </button>
          )}
          <a class="button" href={`/m/${code}/cards#${secret}`} target="_blank" rel="noopener">
            {tc().tableCards.open}
          </a>
        </p>
      )}
      {saved && !editing && (
        <p class="notice success" role="status" data-testid="tables-saved">
          {tb.saved}
        </p>
      )}
      <Alert message={error} />
    </section>
  );
}
