import { useState } from 'preact/hooks';
import { LIMITS } from '../../../src/shared/limits.js';
import { tc } from '../i18n/console.js';
import { label, t } from '../i18n/index.js';
import type { Catalogue } from '../lib/types.js';
import { describedBy, FieldError } from './field-error.js';
import { emptyProfile, type ProfileDraft, ProfileFields } from './moderator-profile-fields.js';
import { NumberField } from './number-field.js';
import type { TableFeature } from './participant-profile.js';

const TABLE_FEATURES: TableFeature[] = ['step_free', 'quiet'];

export interface TableDraft {
  /** An existing table (in the console); absent for a new one. */
  id?: number;
  /** Earlier rounds used it: it can be renamed but not removed. */
  locked?: boolean;
  label: string;
  seats: number;
  topic: string;
  /** Step-free, quiet: people who ask for such a table sit only at one. */
  features: TableFeature[];
  host: ProfileDraft | null;
}

export const newTable = (n: number, seats = 6): TableDraft => ({
  label: String(n),
  seats,
  topic: '',
  features: [],
  host: null,
});

/** Tables numbered on from the list, skipping numbers another table already uses as its label. */
export function moreTables(tables: TableDraft[], count: number): TableDraft[] {
  const taken = new Set(tables.map((table) => table.label.trim().toLowerCase()));
  const seats = tables.at(-1)?.seats;
  const added: TableDraft[] = [];
  for (let n = tables.length + 1; added.length < count; n++) {
    if (!taken.has(String(n))) added.push(newTable(n, seats));
  }
  return [...tables, ...added];
}

/** Errors keyed `<row>.<field>` (`0.label`, `2.seats`), the shape of the API's `tables.<row>.<field>`. */
export type TableErrors = Record<string, string | undefined>;

/**
 * A labelled list of tables, each with an optional topic and (on the start page) an optional host who
 * stays all rounds. The console edits existing tables with it by id; a table earlier rounds used stays.
 */
export function TableListEditor({
  catalogue,
  tables,
  onChange,
  idPrefix = 'table',
  withHosts = true,
  errors = {},
}: {
  catalogue: Catalogue;
  tables: TableDraft[];
  onChange: (tables: TableDraft[]) => void;
  idPrefix?: string;
  withHosts?: boolean;
  errors?: TableErrors;
}) {
  const s = t().start;
  const sc = tc().tables;
  const set = (index: number, patch: Partial<TableDraft>) =>
    onChange(tables.map((table, i) => (i === index ? { ...table, ...patch } : table)));
  const canRemove = (i: number) => tables.length > 1 && !tables[i]?.locked;
  const [addCount, setAddCount] = useState(5);
  const add = (count: number) => onChange(moreTables(tables, count));

  return (
    <div class="table-list">
      {tables.map((table, i) => {
        const id = (name: string) => `${idPrefix}-${i}-${name}`;
        const error = (name: string) => errors[`${i}.${name}`];
        return (
          <fieldset class="table-row" key={i}>
            <legend>{s.tableN(i + 1)}</legend>
            <div class="inline-form">
              <div class="field">
                <label for={id('label')}>{s.tableLabel}</label>
                <input
                  id={id('label')}
                  maxLength={LIMITS.tableLabel}
                  value={table.label}
                  onInput={(e) => set(i, { label: e.currentTarget.value })}
                  {...describedBy(id('label'), error('label'))}
                />
                <FieldError name={id('label')} message={error('label')} />
              </div>
              <NumberField
                id={id('seats')}
                label={s.seats}
                min={LIMITS.seatsMin}
                max={LIMITS.seatsMax}
                value={table.seats}
                onChange={(seats) => set(i, { seats })}
                errorName={id('seats')}
                error={error('seats')}
              />
              <div class="field">
                <label for={id('topic')}>
                  {s.topic} <span class="optional">{t().optional}</span>
                </label>
                <select
                  id={id('topic')}
                  value={table.topic}
                  onChange={(e) => set(i, { topic: e.currentTarget.value })}
                  {...describedBy(id('topic'), error('topic'))}
                >
                  <option value="">{s.noTopic}</option>
                  {catalogue.interests.map((interest) => (
                    <option key={interest.key} value={interest.key}>
                      {label(interest.label)}
                    </option>
                  ))}
                </select>
                <FieldError name={id('topic')} message={error('topic')} />
              </div>
              <fieldset class="field table-features">
                <legend>
                  {t().tableFeatures.legend} <span class="optional">{t().optional}</span>
                </legend>
                {TABLE_FEATURES.map((feature) => (
                  <label class="choice" key={feature}>
                    <input
                      type="checkbox"
                      id={id(feature)}
                      checked={table.features.includes(feature)}
                      onChange={(e) =>
                        set(i, {
                          features: e.currentTarget.checked
                            ? [...table.features, feature]
                            : table.features.filter((f) => f !== feature),
                        })
                      }
                    />
                    <span>{t().tableFeatures[feature]}</span>
                  </label>
                ))}
              </fieldset>
            </div>
            {withHosts && (
              <label class="choice">
                <input
                  type="checkbox"
                  checked={table.host !== null}
                  onChange={(e) => set(i, { host: e.currentTarget.checked ? emptyProfile(catalogue) : null })}
                />
                <span>{s.hasHost}</span>
              </label>
            )}
            {withHosts && table.host && (
              <ProfileFields
                idPrefix={id('host')}
                catalogue={catalogue}
                value={table.host}
                onChange={(host) => set(i, { host })}
              />
            )}
            {canRemove(i) && (
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
      <div class="inline-form table-add">
        <button type="button" onClick={() => add(1)}>
          {s.addTable}
        </button>
        <NumberField
          id={`${idPrefix}-add-count`}
          label={sc.addCount}
          min={1}
          max={50}
          value={addCount}
          onChange={setAddCount}
        />
        <button
          type="button"
          disabled={!Number.isInteger(addCount) || addCount < 1 || addCount > 50}
          onClick={() => add(addCount)}
        >
          {sc.addTables(addCount)}
        </button>
      </div>
    </div>
  );
}
