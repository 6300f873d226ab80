import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { page as route } from '../../src/platform/http/page.ts';

/** The rules the Hub must meet: WCAG 2.2 AA and everything below it. */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core's source, the very copy @axe-core/playwright would inject. */
const AXE_SOURCE: string = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'))(
  'axe-core',
).source;

/** Where a test hub serves axe-core (startHub, startHubWith): a path no real page uses. */
const AXE_PATH = '/__browser-tests/axe-core.js';

/**
 * Serves axe-core from the Hub under test, for the browser tests only. Loaded by a script
 * element from the page's own origin (its CSP allows 'self'), the 560 kB source is compiled
 * once and then taken from Chromium's code cache: about 30 ms a check, against 200 ms for
 * sending and evaluating the source on every check, or 130 ms for an init script on every
 * navigation whether axe runs or not.
 */
export const serveAxe = (app: FastifyInstance) =>
  route(app, { method: 'GET', url: AXE_PATH, permission: 'public', audit: false }, ({ reply }) =>
    reply
      .header('cache-control', 'public, max-age=3600, immutable')
      .type('text/javascript; charset=utf-8')
      .send(AXE_SOURCE),
  );

/** Puts axe-core into the page unless it is there: from the hub under test, or sent as source. */
async function ensureAxe(page: Page) {
  const state = await page.evaluate(() => ({
    present: 'axe' in window,
    // The layout's first script marks the body: without it, scripts are off in this context and
    // a script element would never load.
    scripts: document.body?.classList.contains('js-enabled') ?? false,
  }));
  if (state.present) return;
  if (!state.scripts) {
    await page.evaluate(AXE_SOURCE);
    return;
  }
  try {
    await page.addScriptTag({ url: AXE_PATH });
  } catch {
    // A page from a server that does not serve it (or refuses it): send the source.
    await page.evaluate(AXE_SOURCE);
  }
}

/**
 * Runs axe on the page as it is now: each problem with the first few offending elements.
 *
 * On a page without frames (every Hub page so far) axe runs in legacy mode:
 * axe-core runs in the page itself, as axe.run(), instead of running each frame
 * on its own and combining the results in a blank page the builder opens for
 * every check. Same rules, same tags, same results, about a third less time.
 * axe is put into the page only when a check runs (ensureAxe), and the builder
 * is then given nothing more to inject. A page with frames gets the builder's
 * full treatment.
 */
export async function axeProblems(page: Page): Promise<string[]> {
  const noFrames = page.frames().length === 1;
  if (noFrames) await ensureAxe(page);
  const result = await new AxeBuilder(noFrames ? { page, axeSource: 'void 0' } : { page })
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
