import { Alert } from '../../components/alert.js';
import { FACES, type Face, FaceIcon } from '../../components/face-icon.js';
import { ct } from '../../i18n/cafe.js';
import { useRemaining } from '../../lib/countdown.js';
import { type CafePartProps, useCafePost } from './cafe-post.js';

/** After a round: three faces, one tap, optional; the answer is not stored with my name. */
export function FeedbackPrompt({ view, token, serverNow, onChanged }: CafePartProps) {
  const f = ct().feedback;
  const feedback = view.cafe.feedback;
  const remaining = useRemaining(feedback?.openUntil, serverNow);
  const { busy, error, post } = useCafePost(token, onChanged);
  if (!feedback || (remaining ?? 0) <= 0) return null;
  const headingId = `feedback-heading-${feedback.round}`;

  const give = (face: Face) => post('/api/me/feedback', { face });

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
