import { useEffect, useState } from 'preact/hooks';
import { LIMITS } from '../../../../src/shared/limits.js';
import { Alert } from '../../components/alert.js';
import type { ModeratorView } from '../../lib/types.js';
import '../../styles/cafe.css';
import { ct } from '../../i18n/cafe.js';
import { useModeratorAction } from './moderator-context.js';

type Question = ModeratorView['cafe']['questions'][number];

/** One question per round, in German and English, typed before or during the event. */
export function QuestionsPanel({ view }: { view: ModeratorView }) {
  const c = ct().console;
  const live = view.round?.number ?? null;
  const count = Math.max(view.plannedRounds, view.roundsPlayed + (live === null ? 1 : 0));
  const rounds = Array.from({ length: Math.min(count, 50) }, (_, i) => i + 1);
  return (
    <section class="panel" aria-labelledby="questions-heading">
      <h2 id="questions-heading">{c.questionsHeading}</h2>
      <p class="muted small">{c.questionsIntro}</p>
      {rounds.map((n) => (
        <QuestionForm
          key={n}
          round={n}
          live={n === live}
          question={view.cafe.questions.find((q) => q.round === n) ?? null}
        />
      ))}
    </section>
  );
}

function QuestionForm({
  round,
  live,
  question,
}: {
  round: number;
  live: boolean;
  question: Question | null;
}) {
  const c = ct().console;
  const { call, busy, error } = useModeratorAction();
  const [de, setDe] = useState(question?.de ?? '');
  const [en, setEn] = useState(question?.en ?? '');
  const [saved, setSaved] = useState(false);
  useEffect(() => setDe(question?.de ?? ''), [question?.de]);
  useEffect(() => setEn(question?.en ?? ''), [question?.en]);

  const save = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    if (await call(`/questions/${round}`, 'PUT', { de: de || null, en: en || null })) setSaved(true);
  };
  const id = (lang: string) => `question-${round}-${lang}`;

  return (
    <form class="question-form" onSubmit={save} data-testid={`question-form-${round}`}>
      <fieldset>
        <legend>
          {c.roundQuestion(round)}
          {live && <span class="live-tag"> ({c.current})</span>}
        </legend>
        <div class="question-fields">
          <div class="field">
            <label for={id('de')}>{c.german}</label>
            <input
              id={id('de')}
              lang="de"
              value={de}
              maxLength={LIMITS.question}
              onInput={(e) => setDe(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for={id('en')}>{c.english}</label>
            <input
              id={id('en')}
              lang="en"
              value={en}
              maxLength={LIMITS.question}
              onInput={(e) => setEn(e.currentTarget.value)}
            />
          </div>
          <button type="submit" disabled={busy}>
            {c.save}
          </button>
        </div>
        <p role="status" class="success-text small">
          {saved ? c.saved : ''}
        </p>
        <Alert message={error} />
      </fieldset>
    </form>
  );
}
