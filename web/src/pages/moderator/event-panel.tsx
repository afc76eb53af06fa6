import { useContext, useState } from 'preact/hooks';
import { Alert } from '../../components/alert.js';
import { CopyLink } from '../../components/copy-link.js';
import { t } from '../../i18n/index.js';
import { registrationsText } from '../../i18n/pages/registrations.js';
import { downloadFile } from '../../lib/api.js';
import { forgetLinks, rememberedLinks } from '../../lib/created-links.js';
import { errorText } from '../../lib/error-text.js';
import type { ModeratorView } from '../../lib/types.js';
import { ModeratorContext, useModeratorAction } from './moderator-context.js';

/** Links, exports and the two irreversible steps (finish, erase), each confirmed on the page. */
export function EventPanel({ view }: { view: ModeratorView }) {
  const e = t().eventPanel;
  const { code, secret } = useContext(ModeratorContext);
  const { call, busy, error, setError } = useModeratorAction();
  const [confirm, setConfirm] = useState<'finish' | 'erase' | null>(null);
  const [screenLink, setScreenLink] = useState(rememberedLinks(code)?.screen);
  const renewScreenLink = async () => {
    const issued = await call<{ link: string }>('/screen-link');
    if (issued) setScreenLink(issued.value.link);
  };
  const finished = view.event.phase === 'finished';

  const exportCsv = () =>
    downloadFile(`/api/events/${code}/export.csv`, secret, `tischwechsel-${code}.csv`).catch((err) =>
      setError(errorText(err)),
    );
  const erase = async () => {
    if (await call('', 'DELETE')) forgetLinks(code);
  };

  return (
    <section class="panel" aria-labelledby="event-heading">
      <h2 id="event-heading">{e.heading}</h2>
      <div class="join-qr-line">
        <img
          src={`/api/events/${code}/qr.svg`}
          alt={t().screen.qrAlt(view.links.join)}
          width={120}
          height={120}
        />
        <CopyLink id="join" title={e.joinLink} href={view.links.join} />
      </div>
      {screenLink ? (
        <CopyLink id="screen" title={e.screenLink} href={screenLink} hint={e.screenHint} />
      ) : (
        <div>
          <p class="muted small">{e.screenUnknown}</p>
          <button type="button" disabled={busy} onClick={renewScreenLink}>
            {e.screenRenew}
          </button>
          <p class="muted small">{e.screenRenewHint}</p>
        </div>
      )}
      <div class="button-row">
        <button type="button" onClick={exportCsv}>
          {e.exportCsv}
        </button>
        <a class="button" href={`/m/${code}/print#${secret}`} target="_blank" rel="noopener">
          {e.print}
        </a>
        <a class="button" href={`/m/${code}/import#${secret}`} target="_blank" rel="noopener">
          {registrationsText().import.consoleLink}
        </a>
      </div>
      <div class="button-row">
        {!finished && (
          <button type="button" disabled={busy} onClick={() => setConfirm('finish')}>
            {e.finish}
          </button>
        )}
        <button type="button" class="danger" disabled={busy} onClick={() => setConfirm('erase')}>
          {e.erase}
        </button>
      </div>
      {confirm && (
        <div class="confirm">
          <p>{confirm === 'finish' ? e.finishConfirm : e.eraseConfirm}</p>
          <button
            type="button"
            class={confirm === 'erase' ? 'danger' : 'primary'}
            disabled={busy}
            data-testid={`confirm-${confirm}`}
            onClick={async () => {
              if (confirm === 'finish') await call('/finish');
              else await erase();
              setConfirm(null);
            }}
          >
            {confirm === 'finish' ? e.finishYes : e.eraseYes}
          </button>
          <button type="button" onClick={() => setConfirm(null)}>
            {t().actions.cancel}
          </button>
        </div>
      )}
      <Alert message={error} />
    </section>
  );
}
