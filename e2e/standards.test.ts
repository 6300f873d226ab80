import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { DEMO_PERSONAS, demoEmail } from '../src/demo/api.ts';
import { SignInPage } from './pages/sign-in.page.ts';
import { StandardsPages } from './pages/standards.page.ts';
import { browserSkipReason, launchChromium, newContext } from './support/browser.ts';
import { startHub } from './support/hub.ts';

const skip = browserSkipReason();
const persona = (role: string) => DEMO_PERSONAS.find((p) => p.roles.includes(role as never))!;

describe('practice standards in a real browser', { skip }, () => {
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

  const signedIn = async (role: string, javaScriptEnabled = true) => {
    const context = await newContext(browser, { javaScriptEnabled });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await new SignInPage(page, hub.url).signIn(demoEmail(persona(role).name));
    return { context, page, s: new StandardsPages(page, hub.url) };
  };

  test('the PSW changes the child protection visit timescale in its standard and the team’s children page changes; axe and reflow on each page', async () => {
    const { context, page, s } = await signedIn('psw');
    const team = async () => {
      await page.goto(`${hub.url}/performance`);
      // A team holding children on child protection plans (named exactly: one name can be the start of another).
      await page.getByRole('link', { name: 'Safeguarding Team North', exact: true }).first().click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      return (await page.locator('main').textContent()) ?? '';
    };
    const before = await team();
    await page.goto(`${hub.url}/standards`);
    await s.check('the library');
    await s.openStandard(/Visit children on a child protection plan/);
    await s.check('a standard');
    await page.getByRole('link', { name: 'Change this standard' }).click();
    await s.check('change a standard');
    await page.getByLabel('Timescale in days (optional)').fill('0');
    await page.getByLabel('What changed').fill('Visits every 5 working days');
    await page.getByLabel('Why it changed').fill('Agreed at the practice board');
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await s.check('change a standard, with an error');
    await page.getByLabel('Timescale in days (optional)').fill('5');
    // Saving works out every child's statuses again (about a second on a quiet machine).
    await page.getByRole('button', { name: 'Save as a new version' }).click({ timeout: 120_000 });
    await page.getByText(/Saved as version \d+/).waitFor({ timeout: 120_000 });
    await page.getByText(/Timescale: 5 working days/).waitFor();
    await page.getByRole('link', { name: 'How we work it out' }).click();
    await page.getByText('Seen at least every 5 working days while the plan lasts.').first().waitFor();
    await page
      .getByRole('link', { name: /Visit children on a child protection plan/ })
      .first()
      .waitFor();
    const after = await team();
    assert.notEqual(after, before, 'the team’s children page follows the new timescale');
    await page.goto(`${hub.url}/standards/amendments`);
    await s.check('amendments');
    await context.close();
  });

  test('a practitioner acknowledges a standard with JavaScript switched off', async () => {
    const { context, page } = await signedIn('practitioner', false);
    await page.goto(`${hub.url}/standards/to-read`);
    await page.getByRole('heading', { name: 'Still to read' }).waitFor();
    const first = page.locator('main ul').first().getByRole('link').first();
    const title = (await first.textContent())!.trim();
    await first.click();
    await page.getByRole('button', { name: 'I have read and understood this standard' }).click();
    await page.getByText(`You have acknowledged “${title}”`).waitFor();
    await context.close();
    const again = await signedIn('practitioner');
    await again.page.goto(`${hub.url}/standards/to-read`);
    await again.s.check('standards to read');
    await again.context.close();
  });

  test('a manager audits a case, the PSW moderates it and turns the finding into a lesson; axe and reflow on each page', async () => {
    const m = await signedIn('team-manager');
    await m.page.goto(`${hub.url}/audits`);
    await m.s.check('case audits');
    await m.page.getByRole('link', { name: 'Audit a child’s case' }).click();
    await m.s.check('choose a child');
    await m.page.getByLabel('Child').selectOption({ index: 1 });
    await m.page.getByRole('button', { name: 'Start the audit' }).click();
    await m.page.getByRole('heading', { name: /Audit the case of/ }).waitFor();
    await m.s.check('audit form');
    const groups = m.page
      .locator('fieldset.govuk-fieldset')
      .filter({ has: m.page.getByLabel('Met', { exact: true }) });
    for (let i = 0; i < (await groups.count()); i++)
      await groups.nth(i).getByLabel('Met', { exact: true }).check();
    await m.page.getByRole('button', { name: 'Save the audit' }).click();
    await m.page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await m.page.getByRole('link', { name: 'Choose the overall grade' }).waitFor();
    await m.page.getByLabel('Good', { exact: true }).check();
    await m.page.getByLabel('What must change').fill('Send the core group minutes to the family');
    await m.page.getByRole('button', { name: 'Save the audit' }).click();
    await m.page.getByText('Audit saved').waitFor();
    await m.s.check('an audit');
    const url = m.page.url();
    await m.context.close();

    const p = await signedIn('psw');
    await p.page.goto(url);
    await p.page.getByLabel('Requires improvement to be good').check();
    await p.page.getByLabel('Reason').fill('The minutes gap weighs more');
    await p.page.getByRole('button', { name: 'Save the moderation' }).click();
    await p.page.getByText(/Changed to Requires improvement to be good by Helen Marsh/).waitFor();
    await p.page.getByLabel('Lesson title').fill('Minutes to families on time');
    await p.page.getByRole('button', { name: 'Make it a lesson' }).click();
    await p.page.getByText('The finding is now a lesson').waitFor();
    await p.page.goto(`${hub.url}/audits/themes`);
    await p.s.check('themes');
    await p.context.close();
  });
});
