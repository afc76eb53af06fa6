import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * How many rows fit in the list box, and which page of the list to show now: a list longer than the
 * screen pages through by itself, so nobody has to touch the projector laptop.
 */
export function usePaging(
  box: RefObject<HTMLElement>,
  itemCount: number,
  columns: number,
  rowHeight: number,
  intervalMs = 10_000,
) {
  const [rows, setRows] = useState(10);
  const [page, setPage] = useState(0);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setRows(Math.max(1, Math.floor(el.clientHeight / rowHeight)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [box, rowHeight]);

  const perPage = rows * columns;
  const pages = Math.max(1, Math.ceil(itemCount / perPage));
  useEffect(() => {
    setPage((p) => (p < pages ? p : 0));
    if (pages <= 1) return;
    const timer = setInterval(() => setPage((p) => (p + 1) % pages), intervalMs);
    return () => clearInterval(timer);
  }, [pages, intervalMs]);

  const current = Math.min(page, pages - 1);
  return { rows, page: current, pages, start: current * perPage, end: (current + 1) * perPage };
}
