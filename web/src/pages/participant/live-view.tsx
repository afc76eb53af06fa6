import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n/index.js';
import { useRemaining } from '../../lib/countdown.js';
import type { Catalogue, ParticipantView } from '../../lib/types.js';
import { LazyCafePhone } from './cafe-phone-lazy.js';
import { ContactsPanel } from './contacts-panel.js';
import { EditProfileForm } from './edit-profile-form.js';
import { KnownPeople } from './known-people.js';
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
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const l = t().live;

  useEffect(() => {
    if (editing || !returnFocus.current) return;
    returnFocus.current = false;
    editButton.current?.focus();
  }, [editing]);
  const closeEditor = (savedNow: boolean) => {
    returnFocus.current = true;
    setSaved(savedNow);
    setEditing(false);
  };

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
      ) : editing ? (
        <EditProfileForm
          token={token}
          view={view}
          catalogue={catalogue}
          onSaved={(next) => {
            setView(next);
            closeEditor(true);
          }}
          onCancel={() => closeEditor(false)}
        />
      ) : (
        <>
          <p class="hello">{l.hello(view.me.displayName)}</p>
          {saved && (
            <p class="notice success" role="status" data-testid="profile-saved">
              {t().profile.saved}
            </p>
          )}
          <Body
            view={view}
            catalogue={catalogue}
            remaining={remaining}
            token={token}
            outdated={status === 'reconnecting'}
          />
          <LazyCafePhone view={view} token={token} serverNow={serverNow} onChanged={setView} />
          {view.event.status !== 'finished' &&
            (view.me.presence === 'present' || view.me.presence === 'break') && <KnownPeople token={token} />}
          <ParticipantActions
            token={token}
            view={view}
            onChanged={setView}
            onDeleted={() => onGone('erased')}
            onEdit={() => {
              setSaved(false);
              setEditing(true);
            }}
            editButton={editButton}
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
  outdated,
}: {
  view: ParticipantView;
  catalogue: Catalogue;
  remaining: number | null;
  token: string;
  outdated: boolean;
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
  // "absent" is the moderator's mark, "left" the person's own choice: say which happened.
  if (view.me.presence === 'absent')
    return (
      <p class="notice big-notice" data-testid="marked-absent">
        {l.markedAbsent}
      </p>
    );
  if (view.me.presence === 'left') return <p class="notice big-notice">{l.left}</p>;
  if (view.seat)
    return (
      <SeatCard
        seat={view.seat}
        view={view}
        catalogue={catalogue}
        remaining={remaining}
        outdated={outdated}
        token={token}
      />
    );
  if (view.event.phase === 'round') return <p class="notice big-notice">{l.notSeated}</p>;
  return (
    <p class="notice big-notice" data-testid="waiting">
      {view.event.phase === 'lobby' ? l.lobby : l.between(view.roundsPlayed)}
    </p>
  );
}
