import type { ComponentChildren } from 'preact';
import { t } from '../i18n/index.js';

/** A wide table that may scroll sideways: focusable and named, so keyboard users can scroll it too. */
export function ScrollRegion({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section class="table-scroll" aria-label={`${label}: ${t().scrollableTable}`} tabIndex={0}>
      {children}
    </section>
  );
}
