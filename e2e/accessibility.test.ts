import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { DEMO_PERSONAS, demoEmail } from '../src/demo/api.ts';
import { enqueueMail } from '../src/platform/mail/outbox.ts';
import { SignInPage } from './pages/sign-in.page.ts';
import { assertNoAxeViolations } from './support/axe.ts';
import { browserSkipReason, launchChromium, newContext } from './support/browser.ts';
import { CRAWLS_AT_ONCE, crawl, PAGE_CHECKS, pattern, routeMatchers } from './support/crawl.ts';
import { startHub, startHubWith } from './support/hub.ts';
import { PLANTED, plantProblem, reachesPlanted } from './support/planted.ts';

const skip = browserSkipReason();

// The roles' crawls run side by side, each in a browser context of its own on the one hub and browser:
// a crawl spends much of its time waiting on the page or the server, which the others fill. Each runs
// axe once per kind of page (e2e/support/crawl.ts). The hub has one planted problem on a page only
// the system admin can reach (e2e/support/planted.ts): their crawl must report it, or the test fails.
describe('accessibility: every page, every role', { skip, concurrency: CRAWLS_AT_ONCE }, () => {
  let hub: Awaited<ReturnType<typeof startHubWith>>;
  let browser: Browser;
  before(async () => {
    hub = await startHubWith(plantProblem);
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
    const context = await newContext(browser);
    const page = await context.newPage();
    for (const url of [
      '/sign-in',
      '/sign-in?passwordSet=1',
      '/sign-in?sessionEnded=1&answersKept=1',
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

  test('the planted problem is on a page only one persona may open', () => {
    assert.deepEqual(
      DEMO_PERSONAS.filter(reachesPlanted).map((p) => p.persona),
      ['System admin'],
    );
  });

  for (const persona of DEMO_PERSONAS) {
    test(`${persona.persona}: axe, the reflow and names checks find nothing on any page they can reach, and no two pages share a title`, async (t) => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await new SignInPage(page, hub.url).signIn(demoEmail(persona.name));
      const routes = routeMatchers(hub.getRoutes);
      const { visited, checked, problems } = await crawl(page, hub.url, PAGE_CHECKS, routes);
      const planted = problems.filter((p) => p.startsWith(`${PLANTED}: `));
      assert.deepEqual(
        problems.filter((p) => !planted.includes(p)),
        [],
        `axe, the reflow or names check, or the titles found problems as ${persona.persona}`,
      );
      assert.ok(visited.length >= 3, `${persona.persona} reached only ${visited.join(', ')}`);
      if (reachesPlanted(persona)) {
        assert.ok(checked.includes(PLANTED), 'the crawl reached the planted page and ran axe on it');
        assert.equal(planted.length, 4, planted.join('\n'));
        assert.match(
          planted[0]!,
          new RegExp(`^${PLANTED}: axe: image-alt: `),
          'and reported its axe problem',
        );
        assert.match(
          planted[1]!,
          new RegExp(
            `^${PLANTED}: reflow: at 320 px: the page is \\d+ px wide in a 320 px window \\(pre to \\d+ px\\)`,
          ),
          'and that it scrolls sideways at 320 px, naming the block',
        );
        assert.match(
          planted[2]!,
          new RegExp(
            `^${PLANTED}: names: label in name: button "Cancel place" is named "Cancel the place of Aisha Brown"`,
          ),
          'and the button whose name leaves out what it shows',
        );
        assert.match(
          planted[3]!,
          new RegExp(`^${PLANTED}: names: link purpose: link "7" is only a number`),
          'and the link that is only a number',
        );
      } else {
        assert.deepEqual(planted, []);
        assert.ok(!visited.includes(PLANTED), 'no link to the planted page');
        assert.equal((await page.goto(`${hub.url}${PLANTED}`))?.status(), 403, 'nor may they open it');
      }
      t.diagnostic(
        `${visited.length} pages, axe on ${checked.length}: ${checked.map((url) => pattern(url, routes)).join(' ')}`,
      );
      await context.close();
    });
  }

  test('a form with errors keeps the answers and passes axe (system admin changing a person)', async () => {
    const context = await newContext(browser);
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
    const context = await newContext(browser, { javaScriptEnabled: false });
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
