import { useContext, useState } from 'preact/hooks';
import { Alert } from '../../components/alert.js';
import { t } from '../../i18n/index.js';
import { downloadFile } from '../../lib/api.js';
import { errorText } from '../../lib/error-text.js';
import type { ModeratorView } from '../../lib/types.js';
import '../../styles/cafe.css';
import { ct } from '../../i18n/cafe.js';
import { ModeratorContext, useModeratorAction } from './moderator-context.js';

/** The tables' takeaways as they come in, each one hideable; the wall on the venue screen; the exports. */
export function HarvestPanel({ view }: { view: ModeratorView }) {
  const c = ct().console;
  const { code, secret } = useContext(ModeratorContext);
  const { call, busy, error, setError } = useModeratorAction();
  const played = view.rounds.map((r) => r.number);
  const [wallRound, setWallRound] = useState<string>('all');
  const { harvest, wall } = view.cafe;

  const download = (ext: 'md' | 'csv') =>
    downloadFile(`/api/events/${code}/harvest.${ext}`, secret, `tischwechsel-${code}-harvest.${ext}`).catch(
      (e) => setError(errorText(e)),
    );

  return (
    <section class="panel wide" aria-labelledby="harvest-heading" data-testid="harvest-panel">
      <h2 id="harvest-heading">{c.harvestHeading}</h2>
      {harvest.length === 0 ? (
        <p class="muted">{c.harvestEmpty}</p>
      ) : (
        harvest.map((round) => (
          <div key={round.round} class="harvest-round">
            <h3>{c.roundQuestion(round.round)}</h3>
            <ul class="harvest-tables">
              {round.tables.map((table) => (
                <li key={table.tableId}>
                  <h4>
                    {t().table} {table.label}{' '}
                    <span class="muted small">
                      ({table.items.length}/{view.cafe.maxPerTable})
                    </span>
                  </h4>
                  <ul class="harvest-console-items">
                    {table.items.map((item) => (
                      <li key={item.id} class={item.hidden ? 'is-hidden' : ''} data-testid="console-takeaway">
                        <span class="takeaway-text">{item.text}</span>
                        {item.hidden && <span class="hidden-tag"> ({c.hidden})</span>}{' '}
                        <button
                          type="button"
                          class="small-button"
                          disabled={busy}
                          aria-label={item.hidden ? c.showLabel(item.text) : c.hideLabel(item.text)}
                          onClick={() => call(`/takeaways/${item.id}`, 'PATCH', { hidden: !item.hidden })}
                        >
                          {item.hidden ? c.show : c.hide}
                        </button>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}

      {played.length > 0 && (
        <div class="wall-controls">
          <h3>{c.wallHeading}</h3>
          {wall && (
            <p role="status" data-testid="wall-status">
              {c.wallOn(wall.round)}
            </p>
          )}
          <form
            class="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void call('/harvest-wall', 'PUT', { round: wallRound === 'all' ? null : Number(wallRound) });
            }}
          >
            <div class="field">
              <label for="wall-round">{c.wallRound}</label>
              <select id="wall-round" value={wallRound} onChange={(e) => setWallRound(e.currentTarget.value)}>
                <option value="all">{c.wallAll}</option>
                {played.map((n) => (
                  <option key={n} value={String(n)}>
                    {c.roundQuestion(n)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" disabled={busy}>
              {c.wallShow}
            </button>
            {wall && (
              <button type="button" disabled={busy} onClick={() => call('/harvest-wall', 'DELETE')}>
                {c.wallHide}
              </button>
            )}
          </form>
          <p class="muted small">{c.wallNote}</p>
        </div>
      )}
      <div class="button-row">
        <button type="button" onClick={() => download('md')}>
          {c.exportMd}
        </button>
        <button type="button" onClick={() => download('csv')}>
          {c.exportCsv}
        </button>
      </div>
      <Alert message={error} />
    </section>
  );
}
