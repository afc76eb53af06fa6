import { useEffect, useRef, useState } from 'preact/hooks';
import { Alert } from '../../components/alert.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { label, t } from '../../i18n/index.js';
import type { Catalogue, ModeratorView } from '../../lib/types.js';
import { useModeratorAction } from './moderator-context.js';
import { TablesEditor } from './tables-editor.js';

/** The tables with their topics and hosts; between rounds the moderator edits them as a labelled list. */
export function TablesPanel({ view, catalogue }: { view: ModeratorView; catalogue: Catalogue }) {
  const tb = t().tables;
  const { call, busy, error, setError } = useModeratorAction();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
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
        !finished && (
          <p>
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
          </p>
        )
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
