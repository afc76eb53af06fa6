import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * Which cards of a list fit its box, a page at a time: each page starts where the last one stopped
 * and the pages turn by themselves, so a long harvest is shown whole and never cut at the bottom
 * of the projector. Cards past the page stay laid out (and hidden), so measuring stays stable.
 */
export function useCardPages(
  list: RefObject<HTMLElement>,
  count: number,
  contentKey: string,
  intervalMs = 12_000,
) {
  const [start, setStart] = useState(0);
  const [end, setEnd] = useState(count);
  const [size, setSize] = useState(0);
  const endRef = useRef(end);
  endRef.current = end;
  const first = start < count ? start : 0;

  useEffect(() => {
    const el = list.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setSize(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, [list]);

  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    const cards = [...el.children] as HTMLElement[];
    const over = cards.findIndex((c) => c.offsetTop + c.offsetHeight > el.clientHeight);
    setEnd(first + Math.max(1, over === -1 ? cards.length : over));
  }, [list, first, contentKey, size]);

  const paged = first > 0 || end < count;
  useEffect(() => {
    if (!paged) return;
    const timer = setInterval(() => setStart(endRef.current < count ? endRef.current : 0), intervalMs);
    return () => clearInterval(timer);
  }, [paged, count, intervalMs]);

  return { start: first, shown: end - first, paged };
}
