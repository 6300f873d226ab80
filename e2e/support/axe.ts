import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';

/** The rules the Hub must meet: WCAG 2.2 AA and everything below it. */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core's source, the very copy @axe-core/playwright would inject. */
const AXE_SOURCE: string = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'))(
  'axe-core',
).source;

/**
 * Puts axe-core into every page the context opens, as the page is created
 * (one copy held by the browser), instead of the builder sending and running
 * its 560 kB source twice for every check. About half the time of a check on a
 * small page goes there.
 */
export const withAxe = async (context: BrowserContext) => {
  await context.addInitScript(AXE_SOURCE);
  return context;
};

/**
 * Runs axe on the page as it is now: each problem with the first few offending elements.
 *
 * On a page without frames (every Hub page so far) axe runs in legacy mode:
 * axe-core runs in the page itself, as axe.run(), instead of running each frame
 * on its own and combining the results in a blank page the builder opens for
 * every check. Same rules, same tags, same results, about a third less time.
 * When axe is already in the page (withAxe) the builder is given nothing more
 * to inject. A page with frames gets the builder's full treatment.
 */
export async function axeProblems(page: Page): Promise<string[]> {
  const noFrames = page.frames().length === 1;
  const present = noFrames && (await page.evaluate(() => 'axe' in window));
  const result = await new AxeBuilder(present ? { page, axeSource: 'void 0' } : { page })
    // Only violations are wanted: axe then stops collecting every passing node, which is most of
    // its time on a long page (half of it on the staff list), and reports violations as before.
    // (Set before withTags: options() replaces the options withTags adds to.)
    .options({ resultTypes: ['violations'] })
    .withTags(WCAG_22_AA)
    .setLegacyMode(noFrames)
    .analyze();
  return result.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')})`,
  );
}

/** Runs axe on the page as it is now and fails with the first few offending elements of each problem. */
export async function assertNoAxeViolations(page: Page, where: string) {
  assert.deepEqual(await axeProblems(page), [], `axe found problems on ${where}`);
}
