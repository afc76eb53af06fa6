import type { ComponentChildren } from 'preact';
import { t } from '../../i18n/index.js';
import type { ScreenView } from '../../lib/types.js';

type Recap = NonNullable<ScreenView['recap']>;

/** The finished event in three figures, what else the evening gave (children), and where the contacts are. */
export function RecapBoard({ recap, children }: { recap: Recap; children?: ComponentChildren }) {
  const s = t().screen;
  const average = recap.peopleMetAverage.toLocaleString(undefined, { maximumFractionDigits: 1 });
  return (
    <section class="recap" data-testid="recap">
      <h2 class="recap-headline">{s.finished}</h2>
      <ul class="recap-figures">
        <li>
          <span class="recap-number" data-testid="recap-rounds">
            {recap.rounds}
          </span>{' '}
          {s.recapRounds(recap.rounds)}
        </li>
        <li>
          <span class="recap-number" data-testid="recap-conversations">
            {recap.conversations}
          </span>{' '}
          {s.recapConversations(recap.conversations)}
        </li>
        <li>
          <span class="recap-number" data-testid="recap-met">
            {average}
          </span>{' '}
          {s.recapMet}
        </li>
      </ul>
      {children}
      <p class="recap-contacts">{s.recapContacts}</p>
    </section>
  );
}
