import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The rules the Hub must meet: WCAG 2.2 AA and everything below it. */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the page as it is now and fails with the first few offending elements of each problem. */
export async function assertNoAxeViolations(page: Page, where: string) {
  const result = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  const problems = result.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')})`,
  );
  assert.deepEqual(problems, [], `axe found problems on ${where}`);
}
