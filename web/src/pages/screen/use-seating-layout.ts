import type { RefObject } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { type EntryWidths, fitSeating, NAME_CHARS, type SeatingLayout } from './fit-seating.js';

const REFERENCE_PX = 100;
let probe: HTMLSpanElement | null = null;

/**
 * Text width in em at the given weight, measured by the browser's own text layout (a canvas can pick
 * another face for `system-ui` and measure several percent wider or narrower than the page draws).
 */
export function measureEm(text: string, weight: number, family: string): number {
  if (!probe) {
    probe = document.createElement('span');
    probe.setAttribute('aria-hidden', 'true');
    probe.style.cssText = `position:absolute;left:-99999px;top:0;visibility:hidden;white-space:pre;font-size:${REFERENCE_PX}px;line-height:1`;
    document.body.append(probe);
  }
  probe.style.fontFamily = family;
  probe.style.fontWeight = String(weight);
  probe.textContent = text;
  return probe.getBoundingClientRect().width / REFERENCE_PX;
}

// Weights as in screen.css: names 600, labels 800.
export const NAME_WEIGHT = 600;
export const TABLE_WEIGHT = 800;

function widthsOf(entries: { name: string; table: string }[], family: string): EntryWidths {
  let name = measureEm('M'.repeat(4), NAME_WEIGHT, family);
  let table = measureEm('00', TABLE_WEIGHT, family);
  for (const entry of entries) {
    name = Math.max(name, measureEm(entry.name.slice(0, NAME_CHARS), NAME_WEIGHT, family));
    table = Math.max(table, measureEm(entry.table.slice(0, 16), TABLE_WEIGHT, family));
  }
  // A little slack (the widths come from the page's own layout) so rounding never cuts the last letter.
  return { name: name * 1.01 + 0.05, table: table * 1.01 + 0.05, arrow: measureEm('→', 400, family) };
}

/** The list's layout for the box as it is now, re-fitted when the screen or the list changes. */
export function useSeatingLayout(
  box: RefObject<HTMLElement>,
  entries: { name: string; table: string }[],
): SeatingLayout & { family: string } {
  const [size, setSize] = useState({ width: 1600, height: 700, screen: 1080, family: 'sans-serif' });
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () =>
      setSize({
        width: el.clientWidth,
        height: el.clientHeight,
        screen: window.innerHeight,
        family: getComputedStyle(el).fontFamily,
      });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [box]);

  const widths = useMemo(() => widthsOf(entries, size.family), [entries, size.family]);
  const layout = fitSeating(size.width, size.height, size.screen, entries.length, widths);
  return { ...layout, family: size.family };
}
