import { useRef } from 'preact/hooks';
import { t } from '../../i18n/index.js';
import { questionIn } from '../../lib/question.js';
import type { ScreenView } from '../../lib/types.js';
import '../../styles/cafe.css';
import { ct } from '../../i18n/cafe.js';
import { useCardPages } from './use-card-pages.js';

type Wall = NonNullable<ScreenView['cafe']['wall']>;

/** The harvest wall: the visible takeaways per round and table, as cards, on request of the console. */
export function HarvestWall({ wall }: { wall: Wall }) {
  const w = ct().wall;
  const cards = wall.rounds.flatMap((round) =>
    round.tables.map((table) => ({ round: round.number, ...table })),
  );
  const heading = wall.round === null ? w.heading : `${w.heading} — ${w.round(wall.round)}`;
  const question = wall.round === null ? null : questionIn(wall.rounds[0]?.question);
  const list = useRef<HTMLUListElement>(null);
  const pages = useCardPages(list, cards.length, JSON.stringify(cards));
  return (
    <section class="harvest-wall" aria-labelledby="harvest-wall-heading" data-testid="harvest-wall">
      <h1 id="harvest-wall-heading" class="harvest-wall-title">
        {heading}
      </h1>
      {question && <p class="harvest-wall-question">{question}</p>}
      {cards.length === 0 ? (
        <p class="screen-message">{w.empty}</p>
      ) : (
        <ul class="harvest-cards" ref={list} data-paged={pages.paged}>
          {cards.slice(pages.start).map((card, i) => (
            <li
              class="harvest-card"
              key={`${card.round}-${card.label}`}
              style={i < pages.shown ? undefined : { visibility: 'hidden' }}
            >
              <h2 class="harvest-card-table">
                {t().table} {card.label}
                {wall.round === null && <span class="harvest-card-round"> · {w.round(card.round)}</span>}
              </h2>
              <ul>
                {card.items.map((item, i) => (
                  <li key={`${i}-${item}`} data-testid="wall-item">
                    {item}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
