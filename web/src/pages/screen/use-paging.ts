import { useEffect, useState } from 'preact/hooks';

/**
 * Which page of the list to show now: a list longer than the screen pages through by itself, so nobody
 * has to touch the projector laptop.
 */
export function usePaging(itemCount: number, perPage: number, intervalMs = 10_000) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(itemCount / Math.max(1, perPage)));
  useEffect(() => {
    setPage((p) => (p < pages ? p : 0));
    if (pages <= 1) return;
    const timer = setInterval(() => setPage((p) => (p + 1) % pages), intervalMs);
    return () => clearInterval(timer);
  }, [pages, intervalMs]);

  const current = Math.min(page, pages - 1);
  return { page: current, pages, start: current * perPage, end: (current + 1) * perPage };
}
