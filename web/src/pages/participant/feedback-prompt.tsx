import { useState } from 'preact/hooks';
import { Alert } from '../../components/alert.js';
import { FACES, type Face, FaceIcon } from '../../components/face-icon.js';
import { ct } from '../../i18n/cafe.js';
import { api } from '../../lib/api.js';
import { useRemaining } from '../../lib/countdown.js';
import { errorText } from '../../lib/error-text.js';
import type { ParticipantView } from '../../lib/types.js';

/** After a round: three faces, one tap, optional; the answer is not stored with my name. */
export function FeedbackPrompt({
  view,
  token,
  serverNow,
  onChanged,
}: {
  view: ParticipantView;
  token: string;
  serverNow: () => number;
  onChanged: (next: ParticipantView) => void;
}) {
  const f = ct().feedback;
  const feedback = view.cafe.feedback;
  const remaining = useRemaining(feedback?.openUntil, serverNow);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!feedback || (remaining ?? 0) <= 0) return null;
  const headingId = `feedback-heading-${feedback.round}`;

  const give = async (face: Face) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(
        await api<ParticipantView>('/api/me/feedback', { method: 'POST', body: { face }, secret: token }),
      );
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="feedback" aria-labelledby={headingId} data-testid="feedback">
      <h2 id={headingId}>{f.question}</h2>
      {feedback.given ? (
        <p role="status" class="success-text" data-testid="feedback-thanks">
          {f.thanks}
        </p>
      ) : (
        <>
          <p class="muted small">{f.optional}</p>
          <div class="faces">
            {FACES.map((face) => (
              <button
                type="button"
                key={face}
                class="face"
                data-face={face}
                disabled={busy}
                onClick={() => give(face)}
              >
                <FaceIcon face={face} size={44} />
                <span class="face-label">{f.faces[face]}</span>
              </button>
            ))}
          </div>
        </>
      )}
      <Alert message={error} />
    </section>
  );
}
