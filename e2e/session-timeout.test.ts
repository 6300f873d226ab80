import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_PERSONAS, demoEmail } from '../src/demo/api.ts';
import { SignInPage } from './pages/sign-in.page.ts';
import { assertNoAxeViolations } from './support/axe.ts';
import { browserSkipReason, launchChromium, newContext } from './support/browser.ts';
import { startHubWith } from './support/hub.ts';

// WCAG 2.2.1 (Timing adjustable), on a hub whose sessions end after 30 idle seconds: with
// JavaScript a warning comes before the end and one button extends the session; without it,
// answers sent after the end are kept and the person returns to the form with them after signing in.
// The warning shows for a third of the time, 10 s: with 12 s (4 s of warning) a loaded machine's
// axe check on the dialog could outlast it, and "Stay signed in" then came after the end.
const IDLE_SECONDS = 30;
const practitioner = DEMO_PERSONAS.find((p) => p.roles.includes('practitioner'))!;

describe('a session that ends for being idle', { skip: browserSkipReason() }, () => {
  let hub: Awaited<ReturnType<typeof startHubWith>>;
  let browser: Browser;
  before(async () => {
    hub = await startHubWith(() => {}, {
      configure: (c) => ({ ...c, sessionIdleMinutes: IDLE_SECONDS / 60 }),
    });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await hub?.stop();
  });

  test('warns before it ends, and "Stay signed in" keeps it going past its first end', async () => {
    const context = await newContext(browser);
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await new SignInPage(page, hub.url).signIn(demoEmail(practitioner.name));
    const signedInAt = Date.now();
    await page.goto(`${hub.url}/learning/cpd`);
    const warning = page.getByRole('dialog', { name: 'You will be signed out soon' });
    await warning.waitFor({ timeout: IDLE_SECONDS * 1000 });
    assert.ok(Date.now() - signedInAt < IDLE_SECONDS * 1000, 'the warning comes before the end');
    assert.match((await warning.textContent()) ?? '', /you will be signed out in \d+ seconds/);
    await assertNoAxeViolations(page, 'the timeout warning');
    await page.getByRole('button', { name: 'Stay signed in' }).click();
    await warning.waitFor({ state: 'hidden' });
    // Past the end the session had before it was extended: still signed in.
    await sleep(signedInAt + (IDLE_SECONDS + 2) * 1000 - Date.now());
    await page.reload();
    await page.getByRole('heading', { name: 'My CPD record' }).waitFor();
    await context.close();
  });

  test('without JavaScript, answers sent after the end come back to the form after signing in again', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await new SignInPage(page, hub.url).signIn(demoEmail(practitioner.name));
    await page.goto(`${hub.url}/learning/cpd`);
    await page.getByLabel('What was the learning?').fill('Reading on contextual safeguarding');
    await page.getByLabel('Your reflection', { exact: true }).fill('What I took from it for my visits.');
    await sleep((IDLE_SECONDS + 1) * 1000);
    await page.getByRole('button', { name: 'Add the entry' }).click();

    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    assert.match(
      (await page.getByRole('region', { name: 'Your session had ended' }).textContent()) ?? '',
      /What you sent has been kept: sign in again to go back to the form with your answers/,
    );
    // (axe needs JavaScript: e2e/accessibility.test.ts runs it on this sign-in page.)
    await page.getByLabel('Work email address').fill(demoEmail(practitioner.name));
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.waitForURL((u) => u.pathname === '/learning/cpd');
    assert.equal(
      await page.getByLabel('What was the learning?').inputValue(),
      'Reading on contextual safeguarding',
    );
    assert.equal(
      await page.getByLabel('Your reflection', { exact: true }).inputValue(),
      'What I took from it for my visits.',
    );
    assert.match(
      (await page.locator('main').textContent()) ?? '',
      /Your answers are below: check them and send them again/,
    );
    // Nothing was saved for them: the entry is not in the record until they send it.
    assert.doesNotMatch(
      (await page.locator('main').textContent()) ?? '',
      /Reading on contextual safeguarding/,
    );
    assert.deepEqual(
      // (this form's: a test before it may have left its own)
      await hub.services.db
        .selectFrom('pending_forms')
        .selectAll()
        .where('return_to', '=', '/learning/cpd')
        .execute(),
      [],
      'the kept answers are used once, then gone',
    );
    await context.close();
  });
});
