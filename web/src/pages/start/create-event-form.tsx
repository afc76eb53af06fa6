import { useState } from 'preact/hooks';
import { LIMITS } from '../../../../src/shared/limits.js';
import { Alert } from '../../components/alert.js';
import { describedBy, FieldError } from '../../components/field-error.js';
import { profileBody } from '../../components/moderator-profile-fields.js';
import { NumberField } from '../../components/number-field.js';
import { newTable, type TableDraft, TableListEditor } from '../../components/table-list-editor.js';
import { lang, t } from '../../i18n/index.js';
import { ApiError, api } from '../../lib/api.js';
import { errorText } from '../../lib/error-text.js';
import type { Catalogue, CreatedEvent, Language } from '../../lib/types.js';
import { MatchingOptions, type TableUse, type Weights } from './matching-options.js';

type TableMode = 'grid' | 'list';

export function CreateEventForm({
  catalogue,
  onCreated,
}: {
  catalogue: Catalogue;
  onCreated: (created: CreatedEvent) => void;
}) {
  const s = t().start;
  const [title, setTitle] = useState('');
  const [language, setLanguage] = useState<Language>(lang.value);
  const [mode, setMode] = useState<TableMode>('grid');
  const [count, setCount] = useState(10);
  const [seats, setSeats] = useState(6);
  const [list, setList] = useState<TableDraft[]>([newTable(1), newTable(2)]);
  const [minutes, setMinutes] = useState(10);
  const [rounds, setRounds] = useState(4);
  const [weights, setWeights] = useState<Weights>({});
  const [tableUse, setTableUse] = useState<TableUse>('auto');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const tables = () =>
    mode === 'grid'
      ? { count, seats }
      : list.map((table) => ({
          label: table.label,
          seats: table.seats,
          topic: table.topic || null,
          features: table.features,
          host: table.host?.displayName.trim() ? profileBody(table.host) : null,
        }));

  const submit = async (event: Event) => {
    event.preventDefault();
    setFormError(null);
    if (!title.trim()) {
      setErrors({ title: s.errors.title });
      document.getElementById('event-title')?.focus();
      return;
    }
    setBusy(true);
    try {
      const created = await api<CreatedEvent>('/api/events', {
        method: 'POST',
        body: {
          title,
          language,
          tables: tables(),
          minutesPerRound: minutes,
          plannedRounds: rounds,
          matching: {
            ...(tableUse !== 'auto' && { tableUse }),
            ...(Object.keys(weights).length > 0 && { weights }),
          },
        },
      });
      onCreated(created);
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors() : {};
      setErrors(fields);
      setFormError(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="panel create-form" onSubmit={submit} noValidate>
      <h2>{s.formHeading}</h2>
      <div class="field">
        <label for="event-title">{s.title}</label>
        <input
          id="event-title"
          name="title"
          maxLength={LIMITS.title}
          value={title}
          placeholder={s.titlePlaceholder}
          onInput={(e) => setTitle(e.currentTarget.value)}
          {...describedBy('title', errors.title)}
        />
        <FieldError name="title" message={errors.title} />
      </div>
      <div class="field">
        <label for="event-language">{s.language}</label>
        <select
          id="event-language"
          value={language}
          onChange={(e) => setLanguage(e.currentTarget.value as Language)}
        >
          <option value="de">Deutsch</option>
          <option value="en">English</option>
        </select>
      </div>

      <fieldset class="field">
        <legend>{s.tables}</legend>
        <div class="segmented">
          <label class="choice">
            <input
              type="radio"
              name="table-mode"
              checked={mode === 'grid'}
              onChange={() => setMode('grid')}
            />
            <span>{s.modeGrid}</span>
          </label>
          <label class="choice">
            <input
              type="radio"
              name="table-mode"
              checked={mode === 'list'}
              onChange={() => setMode('list')}
            />
            <span>{s.modeList}</span>
          </label>
        </div>
        {mode === 'grid' ? (
          <div class="inline-form">
            <NumberField
              id="table-count"
              label={s.tableCount}
              min={1}
              max={LIMITS.tables}
              value={count}
              onChange={setCount}
            />
            <span class="times" aria-hidden="true">
              ×
            </span>
            <NumberField
              id="table-seats"
              label={s.seats}
              min={LIMITS.seatsMin}
              max={LIMITS.seatsMax}
              value={seats}
              onChange={setSeats}
            />
          </div>
        ) : (
          <TableListEditor catalogue={catalogue} tables={list} onChange={setList} />
        )}
        <FieldError name="tables" message={errors.tables} />
      </fieldset>

      <div class="inline-form">
        <NumberField
          id="event-minutes"
          label={s.minutes}
          min={1}
          max={LIMITS.minutesPerRound}
          value={minutes}
          onChange={setMinutes}
          errorName="minutesPerRound"
          error={errors.minutesPerRound}
        />
        <NumberField
          id="event-rounds"
          label={s.rounds}
          min={1}
          max={LIMITS.plannedRounds}
          value={rounds}
          onChange={setRounds}
          errorName="plannedRounds"
          error={errors.plannedRounds}
        />
      </div>
      <MatchingOptions weights={weights} onChange={setWeights} tableUse={tableUse} onTableUse={setTableUse} />
      <Alert message={formError} />
      <button type="submit" class="primary big" disabled={busy}>
        {busy ? t().busy : s.create}
      </button>
    </form>
  );
}
