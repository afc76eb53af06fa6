import type { ParticipantView } from '../../lib/types.js';
import '../../styles/cafe.css';
import { FeedbackPrompt } from './feedback-prompt.js';
import { HarvestForm } from './harvest-form.js';

/** Below the seat: feedback for the round just ended, then the table's harvest. */
export function CafePhone(props: {
  view: ParticipantView;
  token: string;
  serverNow: () => number;
  onChanged: (next: ParticipantView) => void;
}) {
  const { view } = props;
  if (view.event.status === 'finished' || view.me.presence !== 'present') return null;
  return (
    <>
      <FeedbackPrompt {...props} />
      <HarvestForm {...props} />
    </>
  );
}
