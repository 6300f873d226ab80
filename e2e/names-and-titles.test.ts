import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, launchChromium, newContext } from './support/browser.ts';
import { crawl, namesCheck } from './support/crawl.ts';
import { nameProblems } from './support/names.ts';

// The checks of names and titles the accessibility crawl runs beside axe and the reflow check
// (WCAG 2.2 2.5.3, 2.4.4 and 2.4.2), tried on pages made to pass and to fail them.
const skip = browserSkipReason();
// The Hub's own rule for visually hidden text, as govuk-frontend writes it.
const VISUALLY_HIDDEN = `<style>.govuk-visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;clip-path:inset(50%)!important;border:0!important;white-space:nowrap!important}</style>`;

describe('the label-in-name and number-link check', { skip }, () => {
  let browser: Browser;
  let page: Page;
  before(async () => {
    browser = await launchChromium();
    page = await (await newContext(browser)).newPage();
  });
  after(async () => browser?.close());

  const on = async (body: string) => {
    await page.setContent(
      `<!doctype html><html lang="en"><head>${VISUALLY_HIDDEN}</head><body>${body}</body></html>`,
    );
    return nameProblems(page);
  };

  test('passes names that start with what people see, and number links with hidden context', async () => {
    assert.deepEqual(
      await on(`
        <form><button>Cancel place<span class="govuk-visually-hidden"> for Aisha Brown</span></button></form>
        <button aria-label="Record it: Unconscious Bias">Record it</button>
        <input type="submit" value="Save changes">
        <a href="/staff">Staff</a>
        <a href="/children?team=1">0<span class="govuk-visually-hidden"> children not seen in time in Assessment Team 1</span></a>
        <a href="/x" aria-label="12 visits overdue">12</a>
        <span id="l">Sign out</span><button aria-labelledby="l">Sign out</button>
        <a href="/y"><img src="data:," alt="Home"></a>
        <a href="/p"><span>Previous<span class="govuk-visually-hidden"> page</span></span><span class="govuk-visually-hidden">:</span> <span>November 2026</span></a>`),
      [],
    );
  });

  test('finds a button whose name does not contain its visible words', async () => {
    assert.deepEqual(await on(`<button aria-label="Cancel the place of Aisha Brown">Cancel place</button>`), [
      'label in name: button "Cancel place" is named "Cancel the place of Aisha Brown", which does not contain what it shows',
    ]);
    const [problem] = await on(`<a href="/e" aria-label="Record completing Unconscious Bias">Record it</a>`);
    assert.match(problem!, /^label in name: a "Record it" is named "Record completing/);
    // Visible words split by hidden ones must still come in the order they are shown.
    assert.equal(
      (
        await on(
          `<a href="/p" aria-label="November 2026, previous page">Previous<span class="govuk-visually-hidden"> page</span> November 2026</a>`,
        )
      ).length,
      1,
    );
    // Words must match whole: "Add" is not in "Address book".
    assert.equal((await on(`<button aria-label="Address book">Add</button>`)).length, 1);
  });

  test('finds a link that is only a number', async () => {
    assert.deepEqual(await on(`<table><tr><th>Team 1</th><td><a href="/c">432</a></td></tr></table>`), [
      'link purpose: link "432" is only a number: give it a name that says what it counts',
    ]);
    assert.equal(
      (await on(`<a href="/c" aria-label="0">0</a>`)).length,
      1,
      'a label that is the number again',
    );
  });
});

describe('the crawl finds different pages with one title', { skip }, () => {
  let browser: Browser;
  let server: Server;
  let base: string;
  // A small site: home links to a course, its two session pages and the first page of a list,
  // twice (with and without ?page=1). The sessions share the course's title.
  const pages: Record<string, [string, string]> = {
    '/': [
      'Home',
      '<a href="/course">Course</a> <a href="/course/s1">Session 1</a> <a href="/course/s2">Session 2</a> <a href="/list">List</a> <a href="/list?page=1">List again</a>',
    ],
    '/course': ['First aid', 'The course'],
    '/course/s1': ['First aid', 'The session on 3 March'],
    '/course/s2': ['First aid', 'The session on 10 March'],
    '/list': ['Staff', 'Everyone'],
    '/list?page=1': ['Staff', 'Everyone'],
  };
  before(async () => {
    server = createServer((req, res) => {
      const [title, main] = pages[req.url ?? ''] ?? ['Not found', 'No such page'];
      res.writeHead(title === 'Not found' ? 404 : 200, { 'content-type': 'text/html' });
      res.end(`<!doctype html><html lang="en"><title>${title}</title><main>${main}</main></html>`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });

  test('reports the pages that share a title, not one page at two addresses', async () => {
    const page = await (await newContext(browser)).newPage();
    const { problems, titles } = await crawl(page, base, [namesCheck]);
    assert.equal(titles.length, 6);
    assert.deepEqual(problems, [
      '/course, /course/s1, /course/s2: title: 3 different pages are all titled "First aid"',
    ]);
  });

  test('passes once each page has a title of its own', async () => {
    pages['/course/s1'] = ['First aid: session on 3 March', 'The session on 3 March'];
    pages['/course/s2'] = ['First aid: session on 10 March', 'The session on 10 March'];
    const page = await (await newContext(browser)).newPage();
    assert.deepEqual((await crawl(page, base, [namesCheck])).problems, []);
  });
});
