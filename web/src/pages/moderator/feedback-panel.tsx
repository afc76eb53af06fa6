import { FACES, type Face, FaceIcon } from '../../components/face-icon.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import type { ModeratorView } from '../../lib/types.js';
import '../../styles/cafe.css';
import { ct } from '../../i18n/cafe.js';

type Result = ModeratorView['cafe']['feedback']['overall'];

/** Per-round and overall feedback, beside the matching metrics; a split only once it cannot point at anyone. */
export function FeedbackPanel({ view }: { view: ModeratorView }) {
  const c = ct().console;
  const faces = ct().feedback.faces;
  const { rounds, overall, minAnswers } = view.cafe.feedback;
  const cell = (result: Result, face: Face, settled: boolean) => {
    if (result.good !== undefined) return result[face];
    if (result.answers === 0) return '—';
    return settled ? c.tooFew(minAnswers) : c.pending;
  };
  return (
    <section class="panel wide" aria-labelledby="feedback-heading">
      <h2 id="feedback-heading">{c.feedbackHeading}</h2>
      {rounds.length === 0 ? (
        <p class="muted">{c.feedbackEmpty}</p>
      ) : (
        <ScrollRegion label={c.feedbackHeading}>
          <table class="quality feedback-table" data-testid="feedback-results">
            <caption class="sr-only">{c.feedbackHeading}</caption>
            <thead>
              <tr>
                <th scope="col">{c.round}</th>
                <th scope="col">{c.answers}</th>
                {FACES.map((face) => (
                  <th scope="col" key={face}>
                    <FaceIcon face={face} size={20} /> {faces[face]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rounds.map((r) => (
                <tr key={r.number}>
                  <th scope="row">{r.number}</th>
                  <td>{r.answers}</td>
                  {FACES.map((face) => (
                    <td key={face}>{cell(r, face, r.settled)}</td>
                  ))}
                </tr>
              ))}
              <tr class="total">
                <th scope="row">{c.overall}</th>
                <td>{overall.answers}</td>
                {FACES.map((face) => (
                  <td key={face}>{cell(overall, face, true)}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <p class="muted small">{c.feedbackExplain(minAnswers)}</p>
    </section>
  );
}
