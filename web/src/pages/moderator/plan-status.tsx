import { t } from '../../i18n/index.js';
import type { ModeratorView } from '../../lib/types.js';

/** Whether the forward plan fits the room now, or is being made again after a change. */
export function PlanStatus({ view }: { view: ModeratorView }) {
  const p = t().moderator.plan;
  const plan = view.plan;
  if (view.event.phase === 'finished') return null;
  let text: string;
  if (!plan) text = p.none;
  else if (!plan.current) text = p.replanning;
  else {
    const last = plan.firstRound + plan.rounds - 1;
    text = p.ready(plan.firstRound, last, plan.eveningMetrics.repeats, plan.eveningMetrics.sameOrgPairs);
  }
  return (
    <p class="plan-status muted small" role="status" data-current={plan?.current ? 'yes' : 'no'}>
      {text}
    </p>
  );
}
