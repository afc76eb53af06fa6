import { useEffect, useState } from 'preact/hooks';

export const WARNING_MS = 2 * 60 * 1000;

/** Milliseconds left until `endsAt` on the server's clock, refreshed a few times a second. */
export function useRemaining(endsAt: number | null | undefined, serverNow: () => number): number | null {
  const compute = () => (endsAt == null ? null : Math.max(0, endsAt - serverNow()));
  const [remaining, setRemaining] = useState(compute);
  useEffect(() => {
    setRemaining(compute());
    if (endsAt == null) return;
    const timer = setInterval(() => setRemaining(compute()), 250);
    return () => clearInterval(timer);
  }, [endsAt, serverNow]);
  return remaining;
}

export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}
