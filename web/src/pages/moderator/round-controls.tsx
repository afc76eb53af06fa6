import { useState } from 'preact/hooks';
import { Alert } from '../../components/alert.js';
import { ConfirmBox } from '../../components/confirm-box.js';
import { tc } from '../../i18n/console.js';
import { t } from '../../i18n/index.js';
import { formatClock, useRemaining } from '../../lib/countdown.js';
import type { ModeratorView, RoundPreview } from '../../lib/types.js';
import { MetricsList } from './metrics-list.js';
import { useModeratorAction } from './moderator-context.js';

type Confirming = 'end' | 'extra' | 'finish' | null;

/**
 * Round, countdown, extend and end in a bar that stays at the top while the moderator scrolls; ending,
 * an extra round and finishing each ask first, since none can be undone.
 */
export function RoundControls({ view, serverNow }: { view: ModeratorView; serverNow: () => number }) {
  const r = t().rounds;
  const rc = tc().rounds;
  const { call, busy, error } = useModeratorAction();
  const [preview, setPreview] = useState<RoundPreview | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const remaining = useRemaining(view.round?.endsAt, serverNow);
  const phase = view.event.phase;
  const present = view.participants.filter((p) => p.presence === 'present').length;
  const live = phase === 'round';
  const finished = phase === 'finished';
  const next = view.roundsPlayed + 1;
  const allPlayed = !live && !finished && view.roundsPlayed >= view.plannedRounds;
  const roundNumber = view.round?.number ?? 0;

  const act = async (path: string, body?: unknown) => {
    const done = await call(path, 'POST', body);
    if (done) setConfirming(null);
    return done;
  };
  const start = async () => {
    if (await act('/rounds')) setPreview(null);
  };

  return (
    <>
      <section class="round-bar" aria-labelledby="rounds-heading" data-testid="round-bar">
        <h2 id="rounds-heading" class="sr-only">
          {r.heading}
        </h2>
        <p class="round-status" data-testid="round-status">
          <span>
            {live
              ? view.extraRound
                ? rc.extraLive(roundNumber)
                : r.live(roundNumber, view.plannedRounds)
              : finished
                ? r.finished
                : rc.notLive(view.roundsPlayed, view.plannedRounds)}
          </span>
          {live && remaining !== null && (
            <strong class="mod-countdown">
              <span class="sr-only">{r.timeLeft}</span> {formatClock(remaining)}
            </strong>
          )}
          <span class="muted small">{r.present(present, view.participants.length)}</span>
        </p>
        {!finished && (
          <div class="round-buttons">
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
                  class="end-round"
                  disabled={busy}
                  aria-expanded={confirming === 'end'}
                  onClick={() => setConfirming('end')}
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
                  onClick={async () =>
                    setPreview((await call<RoundPreview>('/preview', 'GET'))?.value ?? null)
                  }
                >
                  {r.preview}
                </button>
                <button
                  type="button"
                  class="primary"
                  disabled={busy || present === 0}
                  aria-expanded={allPlayed ? confirming === 'extra' : undefined}
                  onClick={allPlayed ? () => setConfirming('extra') : start}
                  data-testid="start-round"
                >
                  {allPlayed ? rc.startExtra(next) : r.start(next)}
                </button>
              </>
            )}
          </div>
        )}
        {confirming === 'end' && live && (
          <ConfirmBox
            message={rc.endConfirm(roundNumber)}
            yes={rc.endYes}
            busy={busy}
            danger
            testId="confirm-end-round"
            onYes={() => act('/rounds/current/end')}
            onCancel={() => setConfirming(null)}
          />
        )}
        {confirming === 'extra' && allPlayed && (
          <ConfirmBox
            message={rc.extraConfirm(view.plannedRounds)}
            yes={rc.extraYes(next)}
            busy={busy}
            testId="confirm-extra-round"
            onYes={start}
            onCancel={() => setConfirming(null)}
          />
        )}
        <Alert message={error} />
      </section>
      {allPlayed && (
        <section class="panel nudge" aria-labelledby="all-played" data-testid="finish-nudge">
          <h2 id="all-played">{rc.allPlayedHeading}</h2>
          <p>{rc.allPlayed}</p>
          {confirming === 'finish' ? (
            <ConfirmBox
              message={t().eventPanel.finishConfirm}
              yes={t().eventPanel.finishYes}
              busy={busy}
              testId="confirm-finish-nudge"
              onYes={() => act('/finish')}
              onCancel={() => setConfirming(null)}
            />
          ) : (
            <button type="button" class="primary" disabled={busy} onClick={() => setConfirming('finish')}>
              {t().eventPanel.finish}
            </button>
          )}
        </section>
      )}
      {preview && !live && (
        <section class="panel preview" aria-live="polite">
          <h2>{r.previewHeading(preview.number)}</h2>
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
        </section>
      )}
    </>
  );
}
