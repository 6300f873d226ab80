import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { insertStaff } from '../src/people/api.ts';
import { addCalendarDays, londonDay } from '../src/platform/calendar/days.ts';
import { SignInPage } from './pages/sign-in.page.ts';
import { assertNoAxeViolations } from './support/axe.ts';
import { browserSkipReason, launchChromium, newContext } from './support/browser.ts';
import { startHub } from './support/hub.ts';

const skip = browserSkipReason();

/** Reflow (WCAG 1.4.10): at 320 CSS pixels wide nothing needs scrolling sideways. */
async function assertReflows(page: Page, where: string) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  if (size) await page.setViewportSize(size);
  assert.ok(wide <= 321, `${where} is ${wide}px wide at 320px`);
}

const check = async (page: Page, where: string) => {
  await assertNoAxeViolations(page, where);
  await assertReflows(page, where);
};

describe('workforce voice and practice tools', { skip }, () => {
  let hub: Awaited<ReturnType<typeof startHub>>;
  let browser: Browser;
  let goingId: string;
  const contexts: BrowserContext[] = [];
  const as = async (email: string, options = {}) => {
    const context = await newContext(browser, options);
    contexts.push(context);
    const page = await context.newPage();
    await new SignInPage(page, hub.url).signIn(email);
    return page;
  };

  before(async () => {
    hub = await startHub();
    browser = await launchChromium();
    const { db, clock } = hub.services;
    const team = await db
      .selectFrom('teams')
      .select('id')
      .where('name', '=', 'Front Door')
      .executeTakeFirstOrThrow();
    goingId = await insertStaff(db, clock.now().toISOString(), {
      staffNumber: 'E2E-LEAVER',
      email: 'casey.going@calderbrook.example',
      name: 'Casey Going',
      jobTitle: 'Social Worker',
      teamId: team.id,
      leftOn: addCalendarDays(londonDay(clock.now()), 21),
      roles: ['practitioner'],
    });
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await hub?.stop();
  });

  test('a practitioner uses the coach from the home page and saves a practised scenario as CPD', async () => {
    const page = await as('amina.hussain@calderbrook.example');
    await page.getByRole('link', { name: 'Practise open questions with the coach' }).click();
    await check(page, 'the coach');
    await page.getByLabel('Your question').fill('Do you have anyone that supports you with the children?');
    await page.getByRole('button', { name: 'Check my question' }).click();
    assert.match(await page.locator('main').innerText(), /A closed question/);
    assert.match(
      await page.locator('main').innerText(),
      /Tell me about who supports you with the children\./,
    );
    await check(page, 'the coach with a verdict');
    await page.getByLabel('Your question').fill('');
    await page.getByRole('button', { name: 'Check my question' }).click();
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Type a question/);
    await check(page, 'the coach refusing an empty question');

    await page.getByRole('link', { name: 'Practise on a scenario' }).click();
    await check(page, 'the scenarios');
    await page.getByRole('link', { name: 'A foster carer who feels judged' }).click();
    await check(page, 'a scenario');
    await page.getByLabel('An open question you would ask').fill('Why do you think that?');
    await page.getByLabel('An affirmation').fill('You have cared for children for a long time.');
    await page.getByLabel('A reflection').fill('It sounds like the review felt unfair.');
    await page
      .getByLabel('A summary')
      .fill('So the review stung, and you want your experience seen. Is that right?');
    await page.getByRole('button', { name: 'Check my answers' }).click();
    const feedback = await page.locator('main').innerText();
    assert.match(feedback, /A “why” question/);
    assert.match(feedback, /A model answer/);
    await check(page, 'practice feedback');
    await page
      .getByLabel('Your reflection', { exact: true })
      .fill('I still reach for why; next time I will ask what happened.');
    await page.getByLabel('Colleague or supervisor (optional)').fill('Daniel Price');
    await page.getByLabel('Their reflection (optional)').fill('We practised two openings together.');
    await page.getByRole('button', { name: 'Save to my CPD record' }).click();
    await page.waitForURL(/\/learning\/cpd$/);
    assert.match(await page.locator('main').innerText(), /Practising OARS: A foster carer who feels judged/);
  });

  test('the PSW records an interview, tags a theme and sees a suppressed cell', async () => {
    const page = await as('helen.marsh@calderbrook.example');
    await page.goto(`${hub.url}/workforce`);
    await check(page, 'exit interviews');
    const { db } = hub.services;
    const leaver = await db
      .selectFrom('staff')
      .select(['id', 'name'])
      .where('left_on', '=', '2026-09-30')
      .where('id', 'not in', db.selectFrom('wf_interviews').select('staff_id'))
      .orderBy('name')
      .executeTakeFirstOrThrow();
    await page.getByRole('link', { name: `Record the interview of ${leaver.name}` }).click();
    await check(page, 'the interview form');
    await page.locator('input[name="reasons"][value="caseload"]').check();
    await page.locator('input[name="reasons"][value="recording"]').check();
    await page.locator('input[name="mainReason"][value="recording"]').check();
    await page.locator('input[name="childrenAtHeart"][value="1"]').check();
    await page.getByLabel('What would have made them stay?').fill('Time with children instead of screens.');
    await page.locator('input[name="consentToQuote"][value="yes"]').check();
    await page.getByRole('button', { name: 'Record the interview' }).click();
    await page.waitForURL(/\/workforce\/interviews\//);
    await check(page, 'an interview');
    await page.getByLabel('Feeling like a tick-box organisation').check();
    await page.getByLabel('A quote, anonymised (optional)').fill('Time with children instead of screens.');
    await page.getByRole('button', { name: 'Save the themes' }).click();
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /themes .* have been saved/);
    await page.goto(`${hub.url}/workforce/themes`);
    assert.match(await page.locator('main').innerText(), /Hidden/);
    await check(page, 'themes and trends');
    await page.goto(`${hub.url}/workforce/settings`);
    await check(page, 'exit interview settings');
  });

  test('a leaver completes the self-service questionnaire without signing in, and the link works once', async () => {
    const psw = await as('helen.marsh@calderbrook.example');
    await psw.goto(`${hub.url}/workforce`);
    await psw.getByLabel('Personal email for Casey Going (optional)').fill('casey@example.org');
    await psw.getByRole('button', { name: 'Send a self-service link to Casey Going' }).click();
    assert.match(await psw.locator('.govuk-notification-banner').innerText(), /casey@example.org/);
    const mail = await hub.services.db
      .selectFrom('outbox')
      .select('text_body')
      .where('to_address', '=', 'casey@example.org')
      .executeTakeFirstOrThrow();
    const link = /https?:\/\/\S+\/exit-interview\/[A-Za-z0-9_-]+/.exec(mail.text_body)![0];
    const path = new URL(link).pathname;

    // Without JavaScript and without signing in.
    const context = await newContext(browser, { javaScriptEnabled: false });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${hub.url}${path}`);
    assert.match(await page.locator('h1').innerText(), /Before you go, Casey/);
    await page.locator('input[name="reasons"][value="career"]').check();
    await page.locator('input[name="mainReason"][value="career"]').check();
    await page.locator('input[name="consentToQuote"][value="no"]').check();
    await page.getByLabel('Anything else').fill('A promotion nearer home.');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    assert.match(await page.locator('main').innerText(), /Your answers have been sent/);
    await page.goto(`${hub.url}${path}`);
    assert.match(await page.locator('main').innerText(), /expired or has already been used/);

    // axe on the leaver's pages (axe needs script): the used link's page here, the form on a new link.
    const withJs = await newContext(browser);
    contexts.push(withJs);
    const seen = await withJs.newPage();
    await seen.goto(`${hub.url}${path}`);
    await check(seen, 'a used self-service link');
    const row = await hub.services.db
      .selectFrom('wf_interviews')
      .select(['status', 'source'])
      .where('staff_id', '=', goingId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { status: 'awaiting-review', source: 'self' });
  });
});
