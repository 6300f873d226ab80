import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PERSONAS, demoEmail } from '../src/demo/api.ts';
import { enqueueMail } from '../src/platform/mail/outbox.ts';
import { SignInPage } from './pages/sign-in.page.ts';
import { assertNoAxeViolations } from './support/axe.ts';
import { browserSkipReason, launchChromium } from './support/browser.ts';
import { startHub } from './support/hub.ts';

const skip = browserSkipReason();
const MAX_PAGES_PER_ROLE = 150;

/** A page's pattern (ids replaced), so the crawl checks each kind of page without visiting all 80 staff. */
const pattern = (p: string) =>
  p
    .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id')
    .replace(/=\d+/g, '=n')
    // The children behind each number are one kind of page, whatever the filter (e2e/performance.test.ts visits them).
    .replace(/^\/performance\/children\?.*/, '/performance/children?…');

/** Every same-site page reachable by links from home, breadth first. */
async function crawl(page: Page, base: string, visit: (url: string) => Promise<void>) {
  const queue = ['/'];
  const seenPatterns = new Map<string, number>();
  const visited = new Set<string>();
  while (queue.length && visited.size < MAX_PAGES_PER_ROLE) {
    const next = queue.shift()!;
    if (visited.has(next)) continue;
    visited.add(next);
    const response = await page.goto(`${base}${next}`);
    assert.ok(response && response.status() < 400, `${next} answered ${response?.status()}`);
    await visit(next);
    const links = await page.$$eval('a[href]', (as) =>
      as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!),
    );
    for (const href of links) {
      if (
        !href.startsWith('/') ||
        href.startsWith('//') ||
        href.startsWith('/assets') ||
        /\.(csv|xlsx|ics)(\?|$)/.test(href) ||
        href.includes('#')
      )
        continue;
      const key = pattern(href);
      const n = seenPatterns.get(key) ?? 0;
      if (n >= 2) continue;
      seenPatterns.set(key, n + 1);
      queue.push(href);
    }
  }
  return visited;
}

describe('accessibility: every page, every role', { skip }, () => {
  let hub: Awaited<ReturnType<typeof startHub>>;
  let browser: Browser;
  before(async () => {
    hub = await startHub();
    browser = await launchChromium();
    // One message in the outbox, so the crawl reaches a message's own page too.
    await enqueueMail(hub.services.db, hub.services.clock, {
      to: 'amina.hussain@calderbrook.example',
      subject: 'Your access to the Practice & Learning Hub',
      text: 'Hello Amina,\n\nChoose your password here.',
    });
  });
  after(async () => {
    await browser?.close();
    await hub?.stop();
  });

  test('pages anyone can see: sign-in (with and without errors), accessibility statement, page not found', async () => {
    const context = await browser.newContext({ timezoneId: 'Europe/London' });
    const page = await context.newPage();
    for (const url of [
      '/sign-in',
      '/sign-in?passwordSet=1',
      '/accessibility',
      '/no-such-page',
      '/forgotten-password',
      '/set-password/not-a-real-link',
    ]) {
      await page.goto(`${hub.url}${url}`);
      await assertNoAxeViolations(page, url);
    }
    await page.goto(`${hub.url}/sign-in`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await assertNoAxeViolations(page, 'sign-in with errors');
    await page.goto(`${hub.url}/forgotten-password`);
    await page.getByLabel('Work email address').fill('someone@calderbrook.example');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    await assertNoAxeViolations(page, 'check your email');
    await context.close();
  });

  for (const persona of DEMO_PERSONAS) {
    test(`${persona.persona}: axe finds nothing on any page they can reach`, async (t) => {
      const context = await browser.newContext({ timezoneId: 'Europe/London' });
      const page = await context.newPage();
      await new SignInPage(page, hub.url).signIn(demoEmail(persona.name));
      const visited = await crawl(page, hub.url, (url) =>
        assertNoAxeViolations(page, `${url} as ${persona.persona}`),
      );
      assert.ok(visited.size >= 3, `${persona.persona} reached only ${[...visited].join(', ')}`);
      t.diagnostic(`${visited.size} pages: ${[...new Set([...visited].map(pattern))].join(' ')}`);
      await context.close();
    });
  }

  test('a form with errors keeps the answers and passes axe (system admin changing a person)', async () => {
    const context = await browser.newContext({ timezoneId: 'Europe/London' });
    const page = await context.newPage();
    const admin = DEMO_PERSONAS.find((p) => p.roles.includes('system-admin'))!;
    await new SignInPage(page, hub.url).signIn(demoEmail(admin.name));
    await page.goto(`${hub.url}/staff?q=amina`);
    await page.getByRole('link', { name: 'Amina Hussain' }).click();
    await page.getByRole('link', { name: 'Change team, roles or status' }).click();
    await page.getByLabel('Date they left (if they have left)').fill('31/11/2026');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    assert.equal(await page.getByLabel('Date they left (if they have left)').inputValue(), '31/11/2026');
    await assertNoAxeViolations(page, 'staff edit with errors');

    await page.goto(`${hub.url}/admin/working-days/work-it-out?start=2026-12-20&days=10`);
    await page.getByText('6 January 2027').first().waitFor();
    await assertNoAxeViolations(page, 'working days worked out');
    await page.goto(`${hub.url}/admin/working-days`);
    await page.getByRole('button', { name: /Add closure day/i }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await assertNoAxeViolations(page, 'closure day with errors');
    await context.close();
  });
});

describe('works with the keyboard alone and without JavaScript', { skip }, () => {
  let hub: Awaited<ReturnType<typeof startHub>>;
  let browser: Browser;
  before(async () => {
    hub = await startHub();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await hub?.stop();
  });

  test('sign in by keyboard, with JavaScript off, find a colleague and sign out', async () => {
    const context = await browser.newContext({ timezoneId: 'Europe/London', javaScriptEnabled: false });
    const page = await context.newPage();
    const manager = DEMO_PERSONAS.find((p) => p.roles.includes('team-manager'))!;
    await new SignInPage(page, hub.url).signInWithKeyboard(demoEmail(manager.name));
    await page.getByRole('heading', { name: /what needs you today/ }).waitFor();
    await page.getByRole('link', { name: 'Staff' }).first().click();
    await page.getByLabel('Name or email').fill('amina');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('link', { name: 'Amina Hussain' }).click();
    await page.getByRole('heading', { name: 'Amina Hussain' }).waitFor();
    await page.getByRole('button', { name: /Sign out/ }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await context.close();
  });
});
