import type { RefObject } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../i18n/index.js';
import { api } from '../../lib/api.js';
import { errorText } from '../../lib/error-text.js';
import type { ParticipantView } from '../../lib/types.js';

type Presence = 'present' | 'break' | 'left';

/** Break, leave, edit my details and delete; deleting asks once more on the page itself (no browser dialog). */
export function ParticipantActions({
  token,
  view,
  onChanged,
  onDeleted,
  onEdit,
  editButton,
}: {
  token: string;
  view: ParticipantView;
  onChanged: (view: ParticipantView) => void;
  onDeleted: () => void;
  onEdit: () => void;
  editButton: RefObject<HTMLButtonElement>;
}) {
  const a = t().actions;
  const [confirming, setConfirming] = useState<'leave' | 'delete' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const presence = view.me.presence;
  const finished = view.event.status === 'finished';

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      setConfirming(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const setPresence = (next: Presence) =>
    run(async () =>
      onChanged(
        await api<ParticipantView>('/api/me', { method: 'PATCH', secret: token, body: { presence: next } }),
      ),
    );
  const erase = () =>
    run(async () => {
      await api('/api/me', { method: 'DELETE', secret: token });
      onDeleted();
    });

  return (
    <section class="actions" aria-label={a.heading}>
      {!finished &&
        (presence === 'present' ? (
          <div class="action-row">
            <button type="button" disabled={busy} onClick={() => setPresence('break')}>
              {a.takeBreak}
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming('leave')}>
              {a.leave}
            </button>
          </div>
        ) : (
          <button type="button" class="primary" disabled={busy} onClick={() => setPresence('present')}>
            {a.back}
          </button>
        ))}
      {confirming === 'leave' && (
        <div class="confirm">
          <p>{a.leaveConfirm}</p>
          <button type="button" class="primary" disabled={busy} onClick={() => setPresence('left')}>
            {a.leaveYes}
          </button>
          <button type="button" onClick={() => setConfirming(null)}>
            {a.cancel}
          </button>
        </div>
      )}
      <div class="action-row">
        <button type="button" ref={editButton} onClick={onEdit} data-testid="edit-profile-button">
          {t().profile.edit}
        </button>
      </div>
      <button type="button" class="danger-link" disabled={busy} onClick={() => setConfirming('delete')}>
        {a.deleteData}
      </button>
      {confirming === 'delete' && (
        <div class="confirm">
          <p>{a.deleteConfirm}</p>
          <button type="button" class="danger" disabled={busy} onClick={erase} data-testid="confirm-delete">
            {a.deleteYes}
          </button>
          <button type="button" onClick={() => setConfirming(null)}>
            {a.cancel}
          </button>
        </div>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
