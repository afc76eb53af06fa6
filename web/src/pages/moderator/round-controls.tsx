import { useState } from 'preact/hooks';
import { Alert } from '../../components/alert.js';
import { t } from '../../i18n/index.js';
import { formatClock, useRemaining } from '../../lib/countdown.js';
import type { ModeratorView, RoundPreview } from '../../lib/types.js';
import { MetricsList } from './metrics-list.js';
import { useModeratorAction } from './moderator-context.js';

export function RoundControls({ view, serverNow }: { view: ModeratorView; serverNow: () => number }) {
  const r = t().rounds;
  const { call, busy, error } = useModeratorAction();
  const [preview, setPreview] = useState<RoundPreview | null>(null);
  const remaining = useRemaining(view.round?.endsAt, serverNow);
  const phase = view.event.phase;
  const present = view.participants.filter((p) => p.presence === 'present').length;
  const live = phase === 'round';
  const finished = phase === 'finished';

  const start = async () => {
    if (await call('/rounds')) setPreview(null);
  };

  return (
    <section class="panel" aria-labelledby="rounds-heading">
      <h2 id="rounds-heading">{r.heading}</h2>
      <p class="round-status" data-testid="round-status">
        {live
          ? r.live(view.round?.number ?? 0, view.plannedRounds)
          : finished
            ? r.finished
            : r.notLive(view.roundsPlayed, view.plannedRounds)}
        {live && remaining !== null && (
          <strong class="mod-countdown">
            {' '}
            <span class="sr-only">{r.timeLeft}</span> {formatClock(remaining)}
          </strong>
        )}
      </p>
      <p class="muted">{r.present(present, view.participants.length)}</p>
      {!finished && (
        <div class="button-row">
          {live ? (
            <>
              <button
                type="button"
                disabled={busy}
                onClick={() => call('/rounds/current/extend', 'POST', { minutes: 1 })}
              >
                {r.extend(1)}
              </button>
              <button
                type="button"
                disabled={busy}
                onClick={() => call('/rounds/current/extend', 'POST', { minutes: 5 })}
              >
                {r.extend(5)}
              </button>
              <button
                type="button"
                class="primary"
                disabled={busy}
                onClick={() => call('/rounds/current/end')}
                data-testid="end-round"
              >
                {r.end}
              </button>
            </>
          ) : (
            <>
              <button
                type="button"
                disabled={busy || present === 0}
                onClick={async () => setPreview((await call<RoundPreview>('/preview', 'GET'))?.value ?? null)}
              >
                {r.preview}
              </button>
              <button
                type="button"
                class="primary"
                disabled={busy || present === 0}
                onClick={start}
                data-testid="start-round"
              >
                {r.start(view.roundsPlayed + 1)}
              </button>
            </>
          )}
        </div>
      )}
      <Alert message={error} />
      {preview && !live && (
        <div class="preview" aria-live="polite">
          <h3>{r.previewHeading(preview.number)}</h3>
          <p class="muted small">
            {r.tableUse(
              preview.tablesUsed,
              preview.tableUse.mode === 'spread' ? preview.tableUse.minPerTable : null,
            )}
          </p>
          {preview.metrics.repeats > 0 && preview.unavoidableRepeats > 0 && (
            <p class="muted small">{r.unavoidable(preview.unavoidableRepeats)}</p>
          )}
          <MetricsList metrics={preview.metrics} />
          <ol class="preview-tables">
            {preview.tables.map((table) => (
              <li key={table.label}>
                <strong>
                  {t().table} {table.label}:
                </strong>{' '}
                {table.people.filter(Boolean).join(', ')}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
