import { emptyProfile, type ProfileDraft, ProfileFields } from '../../components/profile-fields.js';
import { label, t } from '../../i18n/index.js';
import type { Catalogue } from '../../lib/types.js';

export interface TableDraft {
  label: string;
  seats: number;
  topic: string;
  host: ProfileDraft | null;
}

export const newTable = (n: number): TableDraft => ({ label: String(n), seats: 6, topic: '', host: null });

/** A labelled list of tables, each with an optional topic and an optional host who stays all rounds. */
export function TableListEditor({
  catalogue,
  tables,
  onChange,
}: {
  catalogue: Catalogue;
  tables: TableDraft[];
  onChange: (tables: TableDraft[]) => void;
}) {
  const s = t().start;
  const set = (index: number, patch: Partial<TableDraft>) =>
    onChange(tables.map((table, i) => (i === index ? { ...table, ...patch } : table)));

  return (
    <div class="table-list">
      {tables.map((table, i) => {
        const id = (name: string) => `table-${i}-${name}`;
        return (
          <fieldset class="table-row" key={i}>
            <legend>{s.tableN(i + 1)}</legend>
            <div class="inline-form">
              <div class="field">
                <label for={id('label')}>{s.tableLabel}</label>
                <input
                  id={id('label')}
                  maxLength={24}
                  value={table.label}
                  onInput={(e) => set(i, { label: e.currentTarget.value })}
                />
              </div>
              <div class="field">
                <label for={id('seats')}>{s.seats}</label>
                <input
                  id={id('seats')}
                  type="number"
                  min={2}
                  max={20}
                  value={table.seats}
                  onInput={(e) => set(i, { seats: Number(e.currentTarget.value) })}
                />
              </div>
              <div class="field">
                <label for={id('topic')}>
                  {s.topic} <span class="optional">{t().optional}</span>
                </label>
                <select
                  id={id('topic')}
                  value={table.topic}
                  onChange={(e) => set(i, { topic: e.currentTarget.value })}
                >
                  <option value="">{s.noTopic}</option>
                  {catalogue.interests.map((interest) => (
                    <option key={interest.key} value={interest.key}>
                      {label(interest.label)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <label class="choice">
              <input
                type="checkbox"
                checked={table.host !== null}
                onChange={(e) => set(i, { host: e.currentTarget.checked ? emptyProfile(catalogue) : null })}
              />
              <span>{s.hasHost}</span>
            </label>
            {table.host && (
              <ProfileFields
                idPrefix={id('host')}
                catalogue={catalogue}
                value={table.host}
                onChange={(host) => set(i, { host })}
              />
            )}
            {tables.length > 1 && (
              <button
                type="button"
                class="small-button"
                onClick={() => onChange(tables.filter((_, j) => j !== i))}
              >
                {s.removeTable(table.label || String(i + 1))}
              </button>
            )}
          </fieldset>
        );
      })}
      <button type="button" onClick={() => onChange([...tables, newTable(tables.length + 1)])}>
        {s.addTable}
      </button>
    </div>
  );
}
