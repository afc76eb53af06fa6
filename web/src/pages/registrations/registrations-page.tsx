import { useEffect, useState } from 'preact/hooks';
import { PageHeader } from '../../components/page-header.js';
import { preselectLanguage, t } from '../../i18n/index.js';
import { registrationsText } from '../../i18n/pages/registrations.js';
import { ApiError, api, downloadFile } from '../../lib/api.js';
import { errorText } from '../../lib/error-text.js';
import { type Route, secretFromHash } from '../../lib/route.js';
import type { PublicInfo } from '../../lib/types.js';
import '../../styles/moderator.css';
import '../../styles/registrations.css';
import type {
  ExpectedErased,
  ImportDone,
  ImportMapping,
  ImportPreview,
  RegistrationList,
  ValueMap,
} from './import-types.js';
import { MappingForm, UnknownValues } from './mapping-form.js';
import { PeoplePreview, RowErrors } from './preview-tables.js';

/** Import of registered attendees: file → mapping shown → preview with row errors → all or nothing. */
export function Page({ route }: { route: Route }) {
  const code = route.page === 'registrations' ? route.code : '';
  const [secret] = useState(secretFromHash);
  const [info, setInfo] = useState<PublicInfo | null>(null);
  const [list, setList] = useState<RegistrationList | null>(null);
  const [content, setContent] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [values, setValues] = useState<ValueMap>({});
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmErase, setConfirmErase] = useState(false);
  const r = registrationsText().import;

  const refreshList = () =>
    api<RegistrationList>(`/api/events/${code}/registrations`, { secret })
      .then(setList)
      .catch((e) => setMessage({ text: errorText(e), error: true }));
  useEffect(() => {
    api<PublicInfo>(`/api/events/${code}`)
      .then((i) => {
        preselectLanguage(i.language);
        setInfo(i);
      })
      .catch((e) => setMessage({ text: errorText(e), error: true }));
    void refreshList();
  }, [code]);

  const runPreview = async (text: string, nextMapping: ImportMapping | null, nextValues: ValueMap) => {
    setBusy(true);
    setMessage(null);
    try {
      const body = {
        content: text,
        values: nextValues,
        ...(nextMapping?.ticket.length ? { mapping: nextMapping } : {}),
      };
      const result = await api<ImportPreview>(`/api/events/${code}/registrations/preview`, {
        method: 'POST',
        secret,
        body,
      });
      setPreview(result);
      setMapping(result.mapping ?? nextMapping ?? { ticket: [] });
    } catch (e) {
      setPreview(null);
      setMessage({ text: errorText(e), error: true });
    } finally {
      setBusy(false);
    }
  };

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    setContent(text);
    setValues({});
    setMapping(null);
    await runPreview(text, null, {});
  };

  const runImport = async () => {
    if (!content || !mapping) return;
    setBusy(true);
    try {
      const done = await api<ImportDone>(`/api/events/${code}/registrations`, {
        method: 'POST',
        secret,
        body: { content, mapping, values },
      });
      setMessage({ text: r.imported(done.created, done.updated), error: false });
      setPreview(null);
      setContent(null);
      await refreshList();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'import_invalid') await runPreview(content, mapping, values);
      setMessage({ text: errorText(e), error: true });
    } finally {
      setBusy(false);
    }
  };

  const erase = async () => {
    setConfirmErase(false);
    try {
      const { erased } = await api<ExpectedErased>(`/api/events/${code}/registrations`, {
        method: 'DELETE',
        secret,
      });
      setMessage({ text: r.erased(erased), error: false });
      await refreshList();
    } catch (e) {
      setMessage({ text: errorText(e), error: true });
    }
  };

  const canImport = !!preview && preview.errors.length === 0 && preview.people.length > 0 && !busy;
  return (
    <main class="console registrations">
      <PageHeader title={r.heading(info?.title ?? '')}>
        <a href={`/m/${code}#${secret ?? ''}`}>{r.back}</a>
      </PageHeader>
      <p class="lead">{r.intro}</p>
      <div class="field">
        <label for="import-file">{r.file}</label>
        <input
          id="import-file"
          type="file"
          accept=".csv,.json,.txt,text/csv,application/json"
          onChange={(e) => chooseFile(e.currentTarget.files?.[0])}
        />
      </div>
      {message && (
        <p class={message.error ? 'form-error' : 'notice'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {content && preview && mapping && info && (
        <>
          <MappingForm
            columns={preview.columns}
            mapping={mapping}
            onChange={(next) => {
              setMapping(next);
              if (next.ticket.length > 0) void runPreview(content, next, values);
            }}
          />
          <UnknownValues
            unknown={preview.unknown}
            catalogue={info.catalogue}
            values={values}
            onChange={(next) => {
              setValues(next);
              void runPreview(content, mapping, next);
            }}
          />
          <RowErrors errors={preview.errors} />
          {preview.people.length > 0 && <PeoplePreview preview={preview} catalogue={info.catalogue} />}
          <button type="button" class="primary" disabled={!canImport} onClick={runImport}>
            {busy ? t().busy : r.importButton(preview.people.length)}
          </button>
        </>
      )}
      {list && (
        <section aria-labelledby="expected-heading">
          <h2 id="expected-heading">{r.listHeading(list.expected, list.claimed)}</h2>
          <div class="button-row">
            <button
              type="button"
              disabled={list.expected === 0}
              onClick={() =>
                downloadFile(
                  `/api/events/${code}/registrations/links.csv`,
                  secret ?? '',
                  `tischwechsel-${code}-links.csv`,
                )
              }
            >
              {r.linksCsv}
            </button>
            <a class="button" href={`/m/${code}/badges#${secret ?? ''}`} target="_blank" rel="noopener">
              {r.badges}
            </a>
            <button
              type="button"
              class="danger"
              disabled={list.expected === 0}
              onClick={() => setConfirmErase(true)}
            >
              {r.erase}
            </button>
          </div>
          {confirmErase && (
            <div class="confirm">
              <p>{r.eraseConfirm}</p>
              <button type="button" class="danger" onClick={erase} data-testid="confirm-erase-expected">
                {r.erase}
              </button>
              <button type="button" onClick={() => setConfirmErase(false)}>
                {r.cancel}
              </button>
            </div>
          )}
          <ul class="expected-list">
            {list.registrations.map((x) => (
              <li key={x.id}>
                {x.displayName}
                {x.organisation && <span class="muted"> · {x.organisation}</span>}{' '}
                <span class={x.claimed ? 'badge-state claimed' : 'badge-state'}>
                  {x.claimed ? r.claimed : r.expected}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
