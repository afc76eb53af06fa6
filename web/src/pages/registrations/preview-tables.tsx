import { ScrollRegion } from '../../components/scroll-region.js';
import { label } from '../../i18n/index.js';
import { registrationsText } from '../../i18n/pages/registrations.js';
import type { Catalogue } from '../../lib/types.js';
import type { ImportPreview } from './import-types.js';

export function RowErrors({ errors }: { errors: ImportPreview['errors'] }) {
  const r = registrationsText().import;
  if (errors.length === 0) return null;
  return (
    <section class="import-errors" aria-labelledby="import-errors-heading">
      <h2 id="import-errors-heading">{r.errorsHeading}</h2>
      <ScrollRegion label={r.errorsHeading}>
        <table data-testid="row-errors">
          <thead>
            <tr>
              <th scope="col">{r.line}</th>
              <th scope="col">{r.field}</th>
              <th scope="col">{r.problem}</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((e) => (
              <tr key={`${e.line}-${e.field}`}>
                <td>{e.line}</td>
                <td>{r.fieldNames[e.field] ?? e.field}</td>
                <td>{r.problems[e.problem] ?? e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

export function PeoplePreview({ preview, catalogue }: { preview: ImportPreview; catalogue: Catalogue }) {
  const r = registrationsText().import;
  const roles = new Map(catalogue.roles.map((x) => [x.key, x.label]));
  const heading = r.previewHeading(preview.people.length, preview.skipped);
  return (
    <section aria-labelledby="import-preview-heading">
      <h2 id="import-preview-heading">{heading}</h2>
      <ScrollRegion label={heading} tall>
        <table data-testid="import-preview">
          <thead>
            <tr>
              <th scope="col">{r.line}</th>
              <th scope="col">{r.name}</th>
              <th scope="col">{r.organisation}</th>
              <th scope="col">{r.role}</th>
              <th scope="col">{r.state}</th>
            </tr>
          </thead>
          <tbody>
            {preview.people.map((p) => {
              const role = p.role ? roles.get(p.role) : undefined;
              return (
                <tr key={p.ticketId}>
                  <td>{p.line}</td>
                  <td>{p.displayName}</td>
                  <td>{p.organisation}</td>
                  <td>{role ? label(role) : '–'}</td>
                  <td>{r.status[p.status]}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
