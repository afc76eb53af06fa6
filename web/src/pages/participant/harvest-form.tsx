import { useRef, useState } from 'preact/hooks';
import { LIMITS } from '../../../../src/shared/limits.js';
import { Alert } from '../../components/alert.js';
import { ct } from '../../i18n/cafe.js';
import { useRemaining } from '../../lib/countdown.js';
import { type CafePartProps, useCafePost } from './cafe-post.js';

// Counted in characters as the server counts them.
const MAX = LIMITS.takeaway;
const length = (text: string) => Array.from(text.trim().replace(/\s+/g, ' ')).length;

/** A takeaway for my table's harvest, during the round and shortly after it; no name goes with it. */
export function HarvestForm({ view, token, serverNow, onChanged }: CafePartProps) {
  const h = ct().harvest;
  const harvest = view.cafe.harvest;
  const remaining = useRemaining(harvest?.openUntil, serverNow);
  const [text, setText] = useState('');
  const [added, setAdded] = useState(false);
  const { busy, error, setError, post } = useCafePost(token, onChanged);
  const field = useRef<HTMLTextAreaElement>(null);
  if (!harvest || (harvest.openUntil !== null && (remaining ?? 0) <= 0)) return null;
  const full = harvest.count >= harvest.max;
  const headingId = `harvest-heading-${harvest.round}`;

  const submit = async (event: Event) => {
    event.preventDefault();
    setAdded(false);
    const n = length(text);
    if (n === 0 || n > MAX) {
      setError(n === 0 ? h.required : h.tooLong(MAX));
      field.current?.focus();
      return;
    }
    if (await post('/api/me/takeaways', { text })) {
      setText('');
      setAdded(true);
    }
    field.current?.focus();
  };

  return (
    <section class="harvest" aria-labelledby={headingId} data-testid="harvest">
      <h2 id={headingId}>{h.heading}</h2>
      <p class="muted">{h.intro}</p>
      {harvest.items.length === 0 ? (
        <p class="muted small">{h.empty}</p>
      ) : (
        <ul class="harvest-items" data-testid="harvest-items">
          {harvest.items.map((item, i) => (
            <li key={`${i}-${item}`}>{item}</li>
          ))}
        </ul>
      )}
      <p class="small" data-testid="harvest-count">
        {h.count(harvest.count, harvest.max)}
      </p>
      {full ? (
        <p class="notice">{h.full}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <div class="field">
            <label for="takeaway">{h.label}</label>
            <textarea
              id="takeaway"
              ref={field}
              rows={2}
              value={text}
              aria-describedby="takeaway-hint"
              aria-invalid={error ? true : undefined}
              onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
            />
            <p id="takeaway-hint" class="hint">
              {h.hint(MAX)} {h.counter(length(text), MAX)}
            </p>
          </div>
          <button type="submit" class="primary" disabled={busy}>
            {h.add}
          </button>
        </form>
      )}
      <p role="status" class="success-text">
        {added ? h.added : ''}
      </p>
      <Alert message={error} />
    </section>
  );
}
