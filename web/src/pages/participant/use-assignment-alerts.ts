import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n/index.js';
import { WARNING_MS } from '../../lib/countdown.js';
import type { ParticipantView } from '../../lib/types.js';
import { vibrate } from './wake-lock.js';

/**
 * What a screen reader hears and the phone feels: a new table (round or move) is announced and
 * vibrates; the two-minute warning vibrates once per round.
 */
export function useAssignmentAlerts(view: ParticipantView | null, remaining: number | null): string {
  const [announcement, setAnnouncement] = useState('');
  const lastKey = useRef<string | null | undefined>(undefined);
  const warnedRound = useRef<number | null>(null);

  const roundNumber = view?.round?.number ?? null;
  const tableLabel = view?.seat?.table.label ?? null;
  const key = roundNumber !== null && tableLabel !== null ? `${roundNumber}:${tableLabel}` : null;

  useEffect(() => {
    if (key === lastKey.current) return;
    const firstView = lastKey.current === undefined;
    lastKey.current = key;
    if (key === null || tableLabel === null || roundNumber === null) return;
    setAnnouncement(t().live.announce(roundNumber, tableLabel));
    if (!firstView) vibrate([200, 100, 200]);
  }, [key]);

  const warning = roundNumber !== null && remaining !== null && remaining > 0 && remaining <= WARNING_MS;
  useEffect(() => {
    if (!warning || warnedRound.current === roundNumber) return;
    warnedRound.current = roundNumber;
    vibrate([400]);
    setAnnouncement(t().live.twoMinuteWarning);
  }, [warning, roundNumber]);

  return announcement;
}
