import { useEffect, useState } from 'preact/hooks';
import { Alert } from '../../components/alert.js';
import { ConfirmBox } from '../../components/confirm-box.js';
import { NumberField } from '../../components/number-field.js';
import { tc } from '../../i18n/console.js';
import { t } from '../../i18n/index.js';
import type { ModeratorView } from '../../lib/types.js';
import { useModeratorAction } from './moderator-context.js';

/** Joining open or paused, round length, planned rounds, and a rehearsal with simulated people. */
export function SettingsPanel({ view }: { view: ModeratorView }) {
  const s = t().settings;
  const sc = tc().settings;
  const { call, busy, error } = useModeratorAction();
  const [minutes, setMinutes] = useState(view.event.minutesPerRound);
  const [rounds, setRounds] = useState(view.plannedRounds);
  const [rehearsal, setRehearsal] = useState(20);
  const [confirmRemoval, setConfirmRemoval] = useState(false);
  const [removed, setRemoved] = useState<number | null>(null);
  const simulated = view.participants.filter((p) => p.simulated).length;
  const removeRehearsal = async () => {
    const done = await call<{ removed: number }>('/rehearsal', 'DELETE');
    setConfirmRemoval(false);
    if (done) setRemoved(done.value.removed);
  };
  const finished = view.event.phase === 'finished';
  useEffect(() => setMinutes(view.event.minutesPerRound), [view.event.minutesPerRound]);
  useEffect(() => setRounds(view.plannedRounds), [view.plannedRounds]);

  const save = (event: Event) => {
    event.preventDefault();
    void call('', 'PATCH', { minutesPerRound: minutes, plannedRounds: rounds });
  };

  return (
    <section class="panel" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{s.heading}</h2>
      <p>
        {view.event.joinOpen ? s.joinIsOpen : s.joinIsClosed}{' '}
        {!finished && (
          <button
            type="button"
            disabled={busy}
            aria-pressed={!view.event.joinOpen}
            onClick={() => call('', 'PATCH', { joinOpen: !view.event.joinOpen })}
          >
            {view.event.joinOpen ? s.pauseJoin : s.openJoin}
          </button>
        )}
      </p>
      {!finished && (
        <form class="inline-form" onSubmit={save}>
          <NumberField
            id="set-minutes"
            label={s.minutes}
            min={1}
            max={120}
            value={minutes}
            onChange={setMinutes}
          />
          <NumberField
            id="set-rounds"
            label={s.rounds}
            min={1}
            max={20}
            value={rounds}
            onChange={setRounds}
          />
          <button type="submit" disabled={busy}>
            {s.save}
          </button>
        </form>
      )}
      {!finished && (
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void call('/rehearsal', 'POST', { count: rehearsal });
          }}
        >
          <NumberField
            id="rehearsal-count"
            label={s.rehearsalCount}
            min={1}
            max={500}
            value={rehearsal}
            onChange={setRehearsal}
          />
          <button type="submit" disabled={busy}>
            {s.rehearsal}
          </button>
        </form>
      )}
      {simulated > 0 &&
        (confirmRemoval ? (
          <ConfirmBox
            message={sc.rehearsalRemoveConfirm(simulated)}
            yes={sc.rehearsalRemoveYes}
            busy={busy}
            danger
            testId="confirm-remove-rehearsal"
            onYes={removeRehearsal}
            onCancel={() => setConfirmRemoval(false)}
          />
        ) : (
          <p>
            <button
              type="button"
              class="danger-outline"
              disabled={busy}
              onClick={() => {
                setRemoved(null);
                setConfirmRemoval(true);
              }}
            >
              {sc.rehearsalRemove}
            </button>
          </p>
        ))}
      {removed !== null && (
        <p class="success-text" role="status">
          {sc.rehearsalRemoved(removed)}
        </p>
      )}
      <Alert message={error} />
    </section>
  );
}
