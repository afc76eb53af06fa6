import type { ComponentChildren } from 'preact';
import { t } from '../i18n/index.js';

/** A wide table that may scroll sideways: focusable and named, so keyboard users can scroll it too. */
export function ScrollRegion({
  label,
  children,
  tall = false,
}: {
  label: string;
  children: ComponentChildren;
  /** Long lists (hundreds of people) scroll inside the panel instead of stretching the page. */
  tall?: boolean;
}) {
  return (
    <section
      class={tall ? 'table-scroll tall' : 'table-scroll'}
      aria-label={`${label}: ${t().scrollableTable}`}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
      tabIndex={0}
    >
      {children}
    </section>
  );
}
