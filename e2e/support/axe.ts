import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import axe from 'axe-core';

/** Experimental rules that only ever report "minor" (never counted here) and visit every element: slow. */
const MINOR_ONLY = new Set(['hidden-content', 'focus-order-semantics']);

/**
 * axe's experimental rules are off by default, and one of them is WCAG 2.5.3 "label in name"
 * (label-content-name-mismatch): turn them on, so a new rule leaving experimental changes nothing here.
 */
const EXPERIMENTAL = Object.fromEntries(
  axe
    .getRules(['experimental'])
    .filter((rule) => !MINOR_ONLY.has(rule.ruleId))
    .map((rule) => [rule.ruleId, { enabled: true }]),
);

/** Serious and critical axe violations on the page (or inside `include`), one readable line each. */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).options({ rules: EXPERIMENTAL });
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
