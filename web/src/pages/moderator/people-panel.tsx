import { Alert } from '../../components/alert.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { label, t } from '../../i18n/index.js';
import type { Catalogue, ModeratorView } from '../../lib/types.js';
import { useModeratorAction } from './moderator-context.js';

const PRESENCES = ['present', 'break', 'absent', 'left'] as const;
type Person = ModeratorView['participants'][number];

export function PeoplePanel({ view, catalogue }: { view: ModeratorView; catalogue: Catalogue }) {
  const p = t().people;
  const { call, busy, error } = useModeratorAction();
  const live = view.event.phase === 'round';
  const people = [...view.participants].sort((a, b) => a.displayName.localeCompare(b.displayName));
  const roleLabel = (key: string) => {
    const role = catalogue.roles.find((r) => r.key === key);
    return role ? label(role.label) : key;
  };
  const stageLabel = (value: number) => {
    const stage = catalogue.stages.find((s) => s.value === value);
    return stage ? label(stage.label) : String(value);
  };

  const tableCell = (person: Person) => {
    if (!live) return null;
    if (person.tableId === null) {
      return person.presence === 'present' ? (
        <button
          type="button"
          disabled={busy}
          onClick={() => call('/rounds/current/seats', 'POST', { participantId: person.id })}
        >
          {p.seat}
        </button>
      ) : (
        <span class="muted">–</span>
      );
    }
    return (
      <select
        aria-label={p.moveLabel(person.displayName)}
        value={String(person.tableId)}
        disabled={busy}
        onChange={(e) =>
          call('/rounds/current/moves', 'POST', {
            participantId: person.id,
            tableId: Number(e.currentTarget.value),
          })
        }
      >
        {view.tables.map((table) => (
          <option key={table.id} value={String(table.id)}>
            {table.label}
          </option>
        ))}
      </select>
    );
  };

  return (
    <section class="panel" aria-labelledby="people-heading">
      <h2 id="people-heading">{p.heading(view.participants.length)}</h2>
      <Alert message={error} />
      {people.length === 0 ? (
        <p class="muted">{p.empty}</p>
      ) : (
        <ScrollRegion label={p.heading(view.participants.length)} tall>
          <table class="people" data-testid="people">
            <thead>
              <tr>
                <th scope="col">{p.name}</th>
                <th scope="col">{p.organisation}</th>
                <th scope="col">{p.role}</th>
                <th scope="col">{p.stage}</th>
                <th scope="col">{p.presence}</th>
                {live && <th scope="col">{p.table}</th>}
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <tr key={person.id} class={person.presence === 'present' ? '' : 'away'}>
                  <th scope="row" class="person-name">
                    {person.displayName}
                    {person.walkIn && <span class="badge">{p.walkIn}</span>}
                    {person.simulated && <span class="badge">{p.simulated}</span>}
                  </th>
                  <td>{person.organisation ?? ''}</td>
                  <td>{roleLabel(person.role)}</td>
                  <td>{stageLabel(person.stage)}</td>
                  <td>
                    <select
                      aria-label={p.presenceLabel(person.displayName)}
                      value={person.presence}
                      disabled={busy}
                      onChange={(e) =>
                        call(`/participants/${person.id}`, 'PATCH', { presence: e.currentTarget.value })
                      }
                    >
                      {PRESENCES.map((presence) => (
                        <option key={presence} value={presence}>
                          {p.presences[presence]}
                        </option>
                      ))}
                    </select>
                  </td>
                  {live && <td>{tableCell(person)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
