import { t } from '../../i18n/index.js';
import { useRemaining } from '../../lib/countdown.js';
import type { Catalogue, ParticipantView } from '../../lib/types.js';
import { ContactsPanel } from './contacts-panel.js';
import { ParticipantActions } from './participant-actions.js';
import { SeatCard } from './seat-card.js';
import { useAssignmentAlerts } from './use-assignment-alerts.js';
import { useParticipantConnection } from './use-participant-connection.js';
import { useWakeLock } from './wake-lock.js';

export function LiveView({
  code,
  token,
  catalogue,
  onGone,
}: {
  code: string;
  token: string;
  catalogue: Catalogue;
  onGone: (reason: 'erased' | 'unauthorized') => void;
}) {
  const { view, status, serverNow, setView } = useParticipantConnection(token, onGone);
  const remaining = useRemaining(view?.round?.endsAt, serverNow);
  const announcement = useAssignmentAlerts(view, remaining);
  useWakeLock(view?.event.phase === 'round' && view.seat !== null);
  const l = t().live;

  return (
    <div class="live" data-event={code}>
      <p class="sr-only" aria-live="assertive" role="status" data-testid="announcement">
        {announcement}
      </p>
      {status === 'reconnecting' && (
        <p class="reconnecting" role="status" data-testid="reconnecting">
          {l.reconnecting}
        </p>
      )}
      {!view ? (
        <p class="notice">{t().loading}</p>
      ) : (
        <>
          <p class="hello">{l.hello(view.me.displayName)}</p>
          <Body view={view} catalogue={catalogue} remaining={remaining} token={token} />
          <ParticipantActions
            token={token}
            view={view}
            onChanged={setView}
            onDeleted={() => onGone('erased')}
          />
        </>
      )}
    </div>
  );
}

function Body({
  view,
  catalogue,
  remaining,
  token,
}: {
  view: ParticipantView;
  catalogue: Catalogue;
  remaining: number | null;
  token: string;
}) {
  const l = t().live;
  if (view.event.status === 'finished') {
    return (
      <>
        <p class="notice big-notice">{l.finished}</p>
        <ContactsPanel token={token} sharing={view.me.shareContact && view.me.contact !== null} />
      </>
    );
  }
  if (view.me.presence === 'break') return <p class="notice big-notice">{l.onBreak}</p>;
  if (view.me.presence === 'left' || view.me.presence === 'absent')
    return <p class="notice big-notice">{l.left}</p>;
  if (view.seat) return <SeatCard seat={view.seat} view={view} catalogue={catalogue} remaining={remaining} />;
  if (view.event.phase === 'round') return <p class="notice big-notice">{l.notSeated}</p>;
  return (
    <p class="notice big-notice" data-testid="waiting">
      {view.event.phase === 'lobby' ? l.lobby : l.between(view.roundsPlayed)}
    </p>
  );
}
