import { ct } from '../../i18n/cafe.js';
import { lang } from '../../i18n/index.js';
import { type Question, questionIn } from '../../lib/question.js';

/** The round's question, big: in the screen's language, and the other language beneath when typed in both. */
export function ScreenQuestion({ question }: { question: Question | null }) {
  const main = questionIn(question);
  if (!main) return null;
  const other = questionIn(question, lang.value === 'de' ? 'en' : 'de');
  return (
    <div class="screen-question" data-testid="screen-question">
      <p class="sr-only">{ct().question}</p>
      <p class="screen-question-main">{main}</p>
      {other && other !== main && (
        <p class="screen-question-other" lang={lang.value === 'de' ? 'en' : 'de'}>
          {other}
        </p>
      )}
    </div>
  );
}
