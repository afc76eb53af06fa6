import { t } from '../../i18n/index.js';
import { questionIn } from '../../lib/question.js';
import type { ScreenView } from '../../lib/types.js';
import '../../styles/cafe.css';
import { ct } from '../../i18n/cafe.js';

type Wall = NonNullable<ScreenView['cafe']['wall']>;

/** The harvest wall: the visible takeaways per round and table, as cards, on request of the console. */
export function HarvestWall({ wall }: { wall: Wall }) {
  const w = ct().wall;
  const cards = wall.rounds.flatMap((round) =>
    round.tables.map((table) => ({ round: round.number, ...table })),
  );
  const heading = wall.round === null ? w.heading : `${w.heading} — ${w.round(wall.round)}`;
  const question = wall.round === null ? null : questionIn(wall.rounds[0]?.question);
  return (
    <section class="harvest-wall" aria-labelledby="harvest-wall-heading" data-testid="harvest-wall">
      <h1 id="harvest-wall-heading" class="harvest-wall-title">
        {heading}
      </h1>
      {question && <p class="harvest-wall-question">{question}</p>}
      {cards.length === 0 ? (
        <p class="screen-message">{w.empty}</p>
      ) : (
        <ul class="harvest-cards">
          {cards.map((card) => (
            <li class="harvest-card" key={`${card.round}-${card.label}`}>
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
