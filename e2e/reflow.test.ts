import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, launchChromium, newContext } from './support/browser.ts';
import { reflowProblems } from './support/reflow.ts';

// The reflow check the accessibility crawl runs on every kind of page (WCAG 2.2 1.4.10), tried on
// pages made to pass and to fail it, so a crawl that reports nothing means something.
describe('the reflow check', { skip: browserSkipReason() }, () => {
  let browser: Browser;
  let page: Page;
  before(async () => {
    browser = await launchChromium();
    page = await (await newContext(browser)).newPage();
  });
  after(async () => browser?.close());

  const on = async (body: string) => {
    await page.setContent(`<!doctype html><html lang="en"><body style="margin:0">${body}</body></html>`);
    return reflowProblems(page);
  };
  const wideTable = '<table><tr><td style="min-width:900px">A wide cell</td></tr></table>';

  test('passes a page of text and a wide table scrolling in its own labelled, focusable region', async () => {
    assert.deepEqual(await on('<p>Text that wraps as the window narrows.</p>'), []);
    assert.deepEqual(
      await on(
        `<div role="region" aria-label="Children" tabindex="0" style="overflow-x:auto">${wideTable}</div>`,
      ),
      [],
    );
  });

  test('finds a page that scrolls sideways at 320 px, and names what sticks out', async () => {
    const problems = await on('<main><p style="width:600px">Too wide for a phone</p></main>');
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0]!, /^at 320 px: the page is 600 px wide in a 320 px window \(p to 600 px\)$/);
  });

  test('finds a page that overflows even at 1280 px', async () => {
    const problems = await on(wideTable.replace('900px', '1400px'));
    assert.deepEqual(
      problems.map((p) => p.slice(0, 12)),
      ['at 320 px: t', 'at 1280 px: '],
    );
  });

  test('finds a scrolling region a keyboard cannot reach or that has no name', async () => {
    const unnamed = await on(`<div tabindex="0" style="overflow-x:auto">${wideTable}</div>`);
    assert.deepEqual(unnamed, [
      'at 320 px: div scrolls sideways but is not a labelled region reachable by keyboard',
    ]);
    const unfocusable = await on(
      `<div role="region" aria-label="Children" style="overflow-x:auto">${wideTable}</div>`,
    );
    assert.equal(unfocusable.length, 1);
  });

  test('puts the window back as it was', async () => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await on('<p>Text</p>');
    assert.deepEqual(page.viewportSize(), { width: 1024, height: 700 });
  });
});
