import { lang } from '../../i18n/index.js';
import { type Question, questionIn } from '../../lib/question.js';

// Its own two words rather than the World Café dictionary, which the join page's budget cannot carry.
const HEADING = { de: 'Frage dieser Runde', en: "This round's question" } as const;

/** The round's question, above the table's conversation starter. */
export function RoundQuestion({ question }: { question: Question | null }) {
  const text = questionIn(question);
  if (!text) return null;
  return (
    <div class="round-question" data-testid="phone-question">
      <h3>{HEADING[lang.value]}</h3>
      <p>{text}</p>
    </div>
  );
}
