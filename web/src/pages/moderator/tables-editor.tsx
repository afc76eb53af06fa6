import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { type TableDraft, type TableErrors, TableListEditor } from '../../components/table-list-editor.js';
import { t } from '../../i18n/index.js';
import { ApiError, api } from '../../lib/api.js';
import { errorText } from '../../lib/error-text.js';
import type { Catalogue, ModeratorView } from '../../lib/types.js';
import { ModeratorContext } from './moderator-context.js';

export const draftsOf = (tables: ModeratorView['tables']): TableDraft[] =>
  tables.map((table) => ({
    id: table.id,
    locked: table.usedInRounds,
    label: table.label,
    seats: table.seats,
    topic: table.topic ?? '',
    features: [...table.features],
    host: null,
  }));

function checkTables(tables: TableDraft[]): TableErrors {
  const e = t().tables.errors;
  const errors: TableErrors = {};
  const seen = new Set<string>();
  tables.forEach((table, i) => {
    const name = table.label.trim().toLowerCase();
    if (!name) errors[`${i}.label`] = e.label;
    else if (seen.has(name)) errors[`${i}.label`] = e.labelTaken;
    seen.add(name);
    if (!Number.isInteger(table.seats) || table.seats < 2 || table.seats > 20) errors[`${i}.seats`] = e.seats;
  });
  return errors;
}

/** What went wrong, said for this panel: the two conflicts the server names get a full sentence. */
function saveError(error: unknown): string {
  const e = t().tables.errors;
  if (error instanceof ApiError && error.code === 'round_live') return e.roundLive;
  if (error instanceof ApiError && error.code === 'table_in_use') return e.tableInUse;
  return errorText(error);
}

/**
 * The console's table list, edited between rounds and saved as a whole (PATCH with `tables` as a list).
 * Hosts keep their own control in the panel; the server leaves them as they are.
 */
export function TablesEditor({
  view,
  catalogue,
  onDone,
}: {
  view: ModeratorView;
  catalogue: Catalogue;
  onDone: (saved: boolean) => void;
}) {
  const tb = t().tables;
  const { code, secret } = useContext(ModeratorContext);
  const [tables, setTables] = useState(() => draftsOf(view.tables));
  const [errors, setErrors] = useState<TableErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const focusFirst = (found: TableErrors) => {
    const first = Object.keys(found)[0]?.replace('.', '-');
    if (first) requestAnimationFrame(() => document.getElementById(`edit-table-${first}`)?.focus());
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setFormError(null);
    const local = checkTables(tables);
    setErrors(local);
    if (Object.keys(local).length > 0) {
      focusFirst(local);
      return;
    }
    setBusy(true);
    try {
      const body = {
        tables: tables.map((table) => ({
          ...(table.id !== undefined && { id: table.id }),
          label: table.label,
          seats: table.seats,
          topic: table.topic || null,
          features: table.features,
        })),
      };
      await api(`/api/events/${code}`, { method: 'PATCH', body, secret });
      onDone(true);
    } catch (error) {
      const fields =
        error instanceof ApiError ? error.fieldPaths((path) => path.replace(/^tables\./, '')) : {};
      setErrors(fields);
      setFormError(saveError(error));
      focusFirst(fields);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="tables-editor" onSubmit={save} noValidate aria-labelledby="tables-edit-heading">
      <h3 id="tables-edit-heading" ref={heading} tabIndex={-1}>
        {tb.editHeading}
      </h3>
      <p class="hint">{tb.editIntro}</p>
      {view.event.phase === 'round' && (
        <p class="notice" data-testid="tables-live-hint">
          {tb.liveHint}
        </p>
      )}
      <TableListEditor
        catalogue={catalogue}
        tables={tables}
        onChange={setTables}
        idPrefix="edit-table"
        withHosts={false}
        errors={errors}
      />
      {formError && (
        <p class="form-error" role="alert" data-testid="tables-error">
          {formError}
        </p>
      )}
      <div class="action-row">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t().busy : tb.save}
        </button>
        <button type="button" disabled={busy} onClick={() => onDone(false)}>
          {tb.cancel}
        </button>
      </div>
    </form>
  );
}
