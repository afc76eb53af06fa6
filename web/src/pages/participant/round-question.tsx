import { t } from '../../i18n/index.js';
import { type Question, questionIn } from '../../lib/question.js';

/** The round's question, above the table's conversation starter. */
export function RoundQuestion({ question }: { question: Question | null }) {
  const text = questionIn(question);
  if (!text) return null;
  return (
    <div class="round-question" data-testid="phone-question">
      <h3>{t().cafe.question}</h3>
      <p>{text}</p>
    </div>
  );
}
