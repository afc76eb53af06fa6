import { useState } from 'preact/hooks';
import { Alert } from '../../components/alert.js';
import { emptyProfile, ProfileFields, profileBody } from '../../components/moderator-profile-fields.js';
import { label, t } from '../../i18n/index.js';
import type { Catalogue } from '../../lib/types.js';
import { useModeratorAction } from './moderator-context.js';

/** Someone without a phone: typed in here, they appear on the venue screen like everyone else. */
export function WalkInForm({ catalogue }: { catalogue: Catalogue }) {
  const w = t().walkIn;
  const { call, busy, error, setError } = useModeratorAction();
  const [draft, setDraft] = useState(() => emptyProfile(catalogue));
  const [interests, setInterests] = useState<string[]>([]);
  const [added, setAdded] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!draft.displayName.trim()) {
      setError(t().join.errors.displayName);
      return;
    }
    const done = await call('/walk-ins', 'POST', profileBody(draft, interests));
    if (done) {
      setAdded(draft.displayName);
      setDraft(emptyProfile(catalogue));
      setInterests([]);
    }
  };

  return (
    <section class="panel" aria-labelledby="walkin-heading">
      <h2 id="walkin-heading">{w.heading}</h2>
      <form onSubmit={submit} noValidate>
        <ProfileFields idPrefix="walkin" catalogue={catalogue} value={draft} onChange={setDraft} />
        <fieldset class="choices compact">
          <legend>{t().join.interests}</legend>
          {catalogue.interests.map((i) => {
            const checked = interests.includes(i.key);
            return (
              <label key={i.key} class="choice">
                <input
                  type="checkbox"
                  checked={checked}
                  disabled={!checked && interests.length >= 5}
                  onChange={() =>
                    setInterests(checked ? interests.filter((k) => k !== i.key) : [...interests, i.key])
                  }
                />
                <span>{label(i.label)}</span>
              </label>
            );
          })}
        </fieldset>
        <button type="submit" disabled={busy}>
          {w.add}
        </button>
        <Alert message={error} />
        {added && (
          <p role="status" class="success-text">
            {w.added(added)}
          </p>
        )}
      </form>
    </section>
  );
}
