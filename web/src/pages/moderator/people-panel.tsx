import { useMemo, useState } from 'preact/hooks';
import { Alert } from '../../components/alert.js';
import { tc } from '../../i18n/console.js';
import { label, lang, t } from '../../i18n/index.js';
import type { Catalogue, ModeratorView } from '../../lib/types.js';
import { useModeratorAction } from './moderator-context.js';
import {
  duplicateNames,
  emptyQuery,
  folded,
  type PeopleQuery,
  type PeopleSort,
  type Person,
  type PresenceFilter,
  selectPeople,
} from './people-filter.js';
import { type PersonActions, PersonRow } from './person-row.js';

const PRESENCES = ['present', 'break', 'absent', 'left'] as const;

/** Everyone who joined: search, filter and sort, so one person among hundreds is found in seconds. */
export function PeoplePanel({ view, catalogue }: { view: ModeratorView; catalogue: Catalogue }) {
  const p = t().people;
  const pc = tc().people;
  const { call, busy, error } = useModeratorAction();
  const [query, setQuery] = useState<PeopleQuery>(emptyQuery);
  const [removed, setRemoved] = useState<string | null>(null);
  const live = view.event.phase === 'round';
  const set = (patch: Partial<PeopleQuery>) => setQuery({ ...query, ...patch });

  const tableLabels = useMemo(() => new Map(view.tables.map((tb) => [tb.id, tb.label])), [view.tables]);
  const tablePosition = useMemo(() => new Map(view.tables.map((tb, i) => [tb.id, i])), [view.tables]);
  const duplicates = useMemo(() => duplicateNames(view.participants), [view.participants]);
  const shown = useMemo(
    () =>
      selectPeople(view.participants, live ? query : { ...query, table: 'all' }, tablePosition, lang.value),
    [view.participants, query, live, tablePosition],
  );
  const details = (person: Person) => {
    const role = catalogue.roles.find((r) => r.key === person.role);
    const stage = catalogue.stages.find((s) => s.value === person.stage);
    return [role ? label(role.label) : person.role, stage ? label(stage.label) : String(person.stage)].join(
      ' · ',
    );
  };

  const actions: PersonActions = {
    busy,
    setPresence: (person, presence) => call(`/participants/${person.id}`, 'PATCH', { presence }),
    move: (person, tableId) => call('/rounds/current/moves', 'POST', { participantId: person.id, tableId }),
    seat: (person) => call('/rounds/current/seats', 'POST', { participantId: person.id }),
    remove: async (person) => {
      const done = (await call(`/participants/${person.id}`, 'DELETE')) !== null;
      if (done) setRemoved(person.displayName);
      return done;
    },
  };

  return (
    <section class="panel people-panel" aria-labelledby="people-heading">
      <h2 id="people-heading">{p.heading(view.participants.length)}</h2>
      {view.participants.length === 0 ? (
        <p class="muted">{p.empty}</p>
      ) : (
        <>
          <search class="people-tools">
            <div class="field people-search">
              <label for="people-search">{pc.search}</label>
              <input
                id="people-search"
                type="search"
                autocomplete="off"
                value={query.search}
                onInput={(e) => set({ search: e.currentTarget.value })}
              />
            </div>
            <div class="field">
              <label for="people-presence">{p.presence}</label>
              <select
                id="people-presence"
                value={query.presence}
                onChange={(e) => set({ presence: e.currentTarget.value as PresenceFilter })}
              >
                <option value="all">{pc.all}</option>
                {PRESENCES.map((presence) => (
                  <option key={presence} value={presence}>
                    {p.presences[presence]}
                  </option>
                ))}
              </select>
            </div>
            {live && (
              <div class="field">
                <label for="people-table">{p.table}</label>
                <select
                  id="people-table"
                  value={query.table}
                  onChange={(e) => set({ table: e.currentTarget.value })}
                >
                  <option value="all">{pc.all}</option>
                  <option value="none">{pc.noSeat}</option>
                  {view.tables.map((tb) => (
                    <option key={tb.id} value={String(tb.id)}>
                      {tb.label}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <div class="field">
              <label for="people-sort">{pc.sort}</label>
              <select
                id="people-sort"
                value={query.sort}
                onChange={(e) => set({ sort: e.currentTarget.value as PeopleSort })}
              >
                <option value="name">{pc.sortName}</option>
                <option value="joined">{pc.sortJoined}</option>
                {live && <option value="table">{pc.sortTable}</option>}
              </select>
            </div>
          </search>
          <p class="muted small" role="status" data-testid="people-count">
            {pc.showing(shown.length, view.participants.length)}
          </p>
          <Alert message={error} />
          {removed && (
            <p class="success-text" role="status">
              {pc.removed(removed)}
            </p>
          )}
          {shown.length === 0 ? (
            <p class="muted">{pc.noMatch}</p>
          ) : (
            <ul class="people-list" data-testid="people">
              {shown.map((person) => (
                <PersonRow
                  key={person.id}
                  person={person}
                  view={view}
                  tableLabel={person.tableId === null ? null : (tableLabels.get(person.tableId) ?? null)}
                  details={details(person)}
                  duplicate={duplicates.has(folded(person.displayName.trim()))}
                  actions={actions}
                />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
