import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export interface AxeSummary {
  page: string;
  violations: { id: string; impact: string | null | undefined; nodes: number; help: string }[];
}

/** WCAG 2.1 A/AA rules on the page as it is now; the story fails on any serious or critical finding. */
export async function axeCheck(page: Page, label: string): Promise<AxeSummary> {
  const result = await new AxeBuilder({ page } as never)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return {
    page: label,
    violations: result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.length,
      help: v.help,
    })),
  };
}

export const blocking = (summary: AxeSummary) =>
  summary.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
