import { label } from '../../i18n/index.js';
import { registrationsText } from '../../i18n/pages/registrations.js';
import type { Catalogue } from '../../lib/types.js';
import type { ImportMapping, ImportPreview, ValueField, ValueMap } from './import-types.js';

const FIELDS = [
  'name',
  'givenName',
  'familyName',
  'organisation',
  'email',
  'role',
  'stage',
  'interests',
  'status',
] as const;

/** Which column is what: a select per field, filled with the suggestion from the header line. */
export function MappingForm({
  columns,
  mapping,
  onChange,
}: {
  columns: string[];
  mapping: ImportMapping;
  onChange: (next: ImportMapping) => void;
}) {
  const r = registrationsText().import;
  const select = (
    id: string,
    text: string,
    value: string | undefined,
    set: (v: string | undefined) => void,
  ) => (
    <div class="field" key={id}>
      <label for={`map-${id}`}>{text}</label>
      <select id={`map-${id}`} value={value ?? ''} onChange={(e) => set(e.currentTarget.value || undefined)}>
        <option value="">{r.notUsed}</option>
        {columns.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </div>
  );
  const setTicket = (i: number, v: string | undefined) => {
    const ticket = [...mapping.ticket];
    ticket[i] = v ?? '';
    onChange({ ...mapping, ticket: ticket.filter(Boolean) });
  };
  return (
    <fieldset class="mapping">
      <legend>{r.mappingHeading}</legend>
      <p class="muted small">{r.mappingHint}</p>
      <div class="mapping-grid">
        {select('ticket', r.fields.ticket!, mapping.ticket[0], (v) => setTicket(0, v))}
        {select('ticket2', r.fields.ticket2!, mapping.ticket[1], (v) => setTicket(1, v))}
        {FIELDS.map((f) => select(f, r.fields[f]!, mapping[f], (v) => onChange({ ...mapping, [f]: v })))}
      </div>
    </fieldset>
  );
}

/** Values the catalogue does not know: the moderator maps each to a catalogue entry, or leaves it empty. */
export function UnknownValues({
  unknown,
  catalogue,
  values,
  onChange,
}: {
  unknown: ImportPreview['unknown'];
  catalogue: Catalogue;
  values: ValueMap;
  onChange: (next: ValueMap) => void;
}) {
  const r = registrationsText().import;
  const seen = new Set<string>();
  const distinct = unknown.filter((u) => {
    const key = `${u.field}\n${u.value}`;
    if (u.field === 'email' || seen.has(key)) return false;
    seen.add(key);
    return true;
  }) as { field: ValueField; value: string; line: number }[];
  const mapped = Object.entries(values).flatMap(([field, map]) =>
    Object.keys(map ?? {}).map((value) => ({ field: field as ValueField, value, line: 0 })),
  );
  const rows = [...distinct, ...mapped.filter((m) => !seen.has(`${m.field}\n${m.value}`))];
  if (rows.length === 0) return null;
  const options = (field: ValueField) =>
    field === 'role'
      ? catalogue.roles.map((x) => ({ key: x.key, text: label(x.label) }))
      : field === 'stage'
        ? catalogue.stages.map((x) => ({ key: x.key, text: `${x.value} – ${label(x.label)}` }))
        : catalogue.interests.map((x) => ({ key: x.key, text: label(x.label) }));
  return (
    <fieldset class="mapping" data-testid="unknown-values">
      <legend>{r.unknownHeading}</legend>
      <p class="muted small">{r.unknownHint}</p>
      {rows.map((u, i) => (
        <div class="field" key={`${u.field}-${u.value}`}>
          <label for={`value-${i}`}>
            {r.fields[u.field]}: „{u.value}“
          </label>
          <select
            id={`value-${i}`}
            value={values[u.field]?.[u.value] ?? ''}
            onChange={(e) => {
              const v = e.currentTarget.value;
              onChange({ ...values, [u.field]: { ...values[u.field], [u.value]: v || null } });
            }}
          >
            <option value="">{r.leaveEmpty}</option>
            {options(u.field).map((o) => (
              <option key={o.key} value={o.key}>
                {o.text}
              </option>
            ))}
          </select>
        </div>
      ))}
    </fieldset>
  );
}
