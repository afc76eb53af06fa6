import { FACES, FaceIcon } from '../../components/face-icon.js';
import type { ScreenView } from '../../lib/types.js';
import '../../styles/cafe.css';
import { ct } from '../../i18n/cafe.js';

type Recap = NonNullable<ScreenView['cafe']['recap']>;

/** The finished event's recap: how the conversations felt, over all rounds. */
export function FeedbackRecap({ recap }: { recap: Recap }) {
  const r = ct().recap;
  const faces = ct().feedback.faces;
  const { feedback } = recap;
  if (feedback.answers === 0) return null;
  return (
    <section class="feedback-recap" aria-labelledby="recap-heading" data-testid="feedback-recap">
      <h2 id="recap-heading">{r.heading}</h2>
      {feedback.good === undefined ? (
        <p>{r.tooFew(feedback.answers, recap.minAnswers)}</p>
      ) : (
        <>
          <ul class="recap-faces">
            {FACES.map((face) => (
              <li key={face}>
                <FaceIcon face={face} size={110} />
                <span class="recap-count">{feedback[face]}</span>
                <span class="recap-label">{faces[face]}</span>
              </li>
            ))}
          </ul>
          <p>{r.answers(feedback.answers)}</p>
        </>
      )}
    </section>
  );
}
