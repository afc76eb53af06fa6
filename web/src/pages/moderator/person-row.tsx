import { useState } from 'preact/hooks';
import { ConfirmBox } from '../../components/confirm-box.js';
import { tc } from '../../i18n/console.js';
import { t } from '../../i18n/index.js';
import type { ModeratorView } from '../../lib/types.js';
import type { Person } from './people-filter.js';

const PRESENCES = ['present', 'break', 'absent', 'left'] as const;

export interface PersonActions {
  busy: boolean;
  setPresence: (person: Person, presence: string) => void;
  move: (person: Person, tableId: number) => void;
  seat: (person: Person) => void;
  remove: (person: Person) => Promise<boolean>;
}

/**
 * One person on one or two lines (name, organisation, table, status); the actions open in a sheet under
 * the row, so 300 rows carry no 300 table menus and the list fits a phone.
 */
export function PersonRow({
  person,
  view,
  tableLabel,
  details,
  duplicate,
  actions,
}: {
  person: Person;
  view: ModeratorView;
  tableLabel: string | null;
  /** Role and stage, said in words. */
  details: string;
  duplicate: boolean;
  actions: PersonActions;
}) {
  const p = t().people;
  const pc = tc().people;
  const [open, setOpen] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const live = view.event.phase === 'round';
  const finished = view.event.phase === 'finished';
  const sheetId = `person-sheet-${person.id}`;
  const seatedAt = (tableId: number) => view.participants.filter((x) => x.tableId === tableId).length;
  const joined = new Date(person.joinedAt).toLocaleTimeString(document.documentElement.lang, {
    hour: '2-digit',
    minute: '2-digit',
  });

  return (
    <li class={person.presence === 'present' ? 'person' : 'person away'} data-testid="person">
      <div class="person-main">
        <p class="person-line">
          <strong class="person-name">{person.displayName}</strong>
          {person.walkIn && <span class="badge">{p.walkIn}</span>}
          {person.simulated && <span class="badge">{p.simulated}</span>}
          {duplicate && <span class="badge warn">{pc.duplicate}</span>}
          {/* What the person asked for, never why. */}
          {person.staySeated && <span class="badge">{t().wishBadges.staySeated}</span>}
          {person.tableNeeds.map((need) => (
            <span class="badge" key={need}>
              {t().tableFeatures[need]}
            </span>
          ))}
          {view.unmetWishes.includes(person.id) && <span class="badge warn">{t().wishBadges.unmet}</span>}
        </p>
        <p class="person-meta">
          {person.organisation && <span>{person.organisation}</span>}
          <span>{details}</span>
          <span>{pc.joinedAt(joined)}</span>
        </p>
      </div>
      <p class="person-state">
        {live && (
          <span class="chip" data-testid="person-table">
            {tableLabel === null ? pc.noSeat : `${t().table} ${tableLabel}`}
          </span>
        )}
        <span class={`chip presence-${person.presence}`}>{p.presences[person.presence]}</span>
      </p>
      <button
        type="button"
        class="small-button person-toggle"
        aria-expanded={open}
        aria-controls={sheetId}
        onClick={() => {
          setOpen(!open);
          setConfirmRemove(false);
        }}
      >
        {open ? pc.close : pc.change}
        <span class="sr-only"> {person.displayName}</span>
      </button>
      {open && (
        <div class="person-sheet" id={sheetId}>
          {!finished && (
            <label class="sheet-field">
              <span>{p.presence}</span>
              <select
                aria-label={p.presenceLabel(person.displayName)}
                value={person.presence}
                disabled={actions.busy}
                onChange={(e) => actions.setPresence(person, e.currentTarget.value)}
              >
                {PRESENCES.map((presence) => (
                  <option key={presence} value={presence}>
                    {p.presences[presence]}
                  </option>
                ))}
              </select>
            </label>
          )}
          {live && person.tableId !== null && (
            <label class="sheet-field">
              <span>{p.table}</span>
              <select
                aria-label={p.moveLabel(person.displayName)}
                value={String(person.tableId)}
                disabled={actions.busy}
                onChange={(e) => actions.move(person, Number(e.currentTarget.value))}
              >
                {view.tables.map((table) => (
                  <option key={table.id} value={String(table.id)}>
                    {pc.tableFill(table.label, seatedAt(table.id), table.seats)}
                  </option>
                ))}
              </select>
            </label>
          )}
          {live && person.tableId === null && person.presence === 'present' && (
            <button type="button" disabled={actions.busy} onClick={() => actions.seat(person)}>
              {p.seat}
            </button>
          )}
          {confirmRemove ? (
            <ConfirmBox
              message={pc.removeConfirm(person.displayName)}
              yes={pc.removeYes}
              busy={actions.busy}
              danger
              testId="confirm-remove-person"
              onYes={async () => {
                if (await actions.remove(person)) setConfirmRemove(false);
              }}
              onCancel={() => setConfirmRemove(false)}
            />
          ) : (
            <button type="button" class="danger-outline" onClick={() => setConfirmRemove(true)}>
              {pc.remove}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
