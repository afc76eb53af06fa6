import { label, lang, t } from '../../i18n/index.js';
import { formatClock, WARNING_MS } from '../../lib/countdown.js';
import type { Catalogue, ParticipantView } from '../../lib/types.js';
import { KnownToggle } from './known-toggle.js';
import { RoundQuestion } from './round-question.js';

type Seat = NonNullable<ParticipantView['seat']>;

export function SeatCard({
  seat,
  view,
  catalogue,
  remaining,
  outdated,
  token,
}: {
  seat: Seat;
  view: ParticipantView;
  catalogue: Catalogue;
  remaining: number | null;
  /** The link is down: this is the last table the phone heard of, perhaps no longer the current one. */
  outdated: boolean;
  token: string;
}) {
  const l = t().live;
  const roleLabel = (key: string) => {
    const role = catalogue.roles.find((r) => r.key === key);
    return role ? label(role.label) : key;
  };
  const stageLabel = (value: number) => {
    const stage = catalogue.stages.find((s) => s.value === value);
    return stage ? label(stage.label) : String(value);
  };
  const interestLabel = (key: string) => {
    const interest = catalogue.interests.find((i) => i.key === key);
    return interest ? label(interest.label) : key;
  };
  const topic = seat.table.topic ? interestLabel(seat.table.topic) : null;
  const warning = remaining !== null && remaining > 0 && remaining <= WARNING_MS;
  // The table shares one starter; each phone shows it in its own language.
  const starter = seat.starter?.[lang.value] ?? null;

  return (
    <section class={outdated ? 'seat outdated' : 'seat'} aria-labelledby="seat-heading">
      {outdated && (
        <p class="outdated-note" data-testid="possibly-outdated">
          {l.possiblyOutdated}
        </p>
      )}
      <p class="round-line">
        {view.extraRound
          ? l.extraRound(view.round?.number ?? 0)
          : l.roundOf(view.round?.number ?? 0, view.plannedRounds)}
      </p>
      <h2 id="seat-heading" class="table-label">
        <span class="table-word">{l.table}</span>{' '}
        <span class="table-name" data-testid="my-table">
          {seat.table.label}
        </span>
      </h2>
      {topic && <p class="topic">{l.topic(topic)}</p>}
      {remaining !== null && (
        <p class={warning ? 'countdown warning' : 'countdown'}>
          <span class="sr-only">{l.timeLeft} </span>
          <span data-testid="countdown">{formatClock(remaining)}</span>
        </p>
      )}
      {warning && (
        <p class="warning-banner" data-testid="two-minute-warning">
          {l.twoMinuteWarning}
        </p>
      )}

      <h3>{l.mates}</h3>
      {seat.mates.length === 0 ? (
        <p>{l.noMates}</p>
      ) : (
        <ul class="mates">
          {seat.mates.map((m) => (
            <li key={m.id}>
              <strong class="mate-name">{m.name}</strong>
              <span class="muted">
                {[roleLabel(m.role), m.organisation, stageLabel(m.stage)].filter(Boolean).join(' · ')}
              </span>
              <KnownToggle mate={m} token={token} />
            </li>
          ))}
        </ul>
      )}

      {seat.sharedInterests.length > 0 && (
        <>
          <h3>{l.sharedInterests}</h3>
          <ul class="tags">
            {seat.sharedInterests.map((k) => (
              <li key={k}>{interestLabel(k)}</li>
            ))}
          </ul>
        </>
      )}
      <RoundQuestion question={view.cafe.question} />
      {starter && (
        <div class="starter">
          <h3>{l.starter}</h3>
          <p>{starter}</p>
        </div>
      )}
    </section>
  );
}
