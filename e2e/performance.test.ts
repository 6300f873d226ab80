import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { DEMO_PERSONAS, demoEmail } from '../src/demo/api.ts';
import { ChildrenPages } from './pages/children.page.ts';
import { SignInPage } from './pages/sign-in.page.ts';
import { assertNoAxeViolations } from './support/axe.ts';
import { browserSkipReason, launchChromium, newContext } from './support/browser.ts';
import { startHub } from './support/hub.ts';

const skip = browserSkipReason();
const persona = (role: string) => DEMO_PERSONAS.find((p) => p.roles.includes(role as never))!;

describe('children’s pages in a real browser', { skip }, () => {
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

  test('a team manager goes from the team’s number to a child behind it and back; axe on each page', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await new SignInPage(page, hub.url).signIn(demoEmail(persona('team-manager').name));
    const children = new ChildrenPages(page, hub.url);
    await children.openFromNavigation();
    await assertNoAxeViolations(page, 'children overview');
    await page.getByRole('link', { name: 'Assessment Team 1' }).first().click();
    await page.getByRole('heading', { name: 'Children in Assessment Team 1' }).waitFor();
    await assertNoAxeViolations(page, 'team page');
    const teamUrl = page.url();

    const late = await children.followLateChildren();
    await assertNoAxeViolations(page, 'the children behind a number');
    const listUrl = page.url();
    const names = new Set(await children.childLinks().allTextContents());
    assert.equal(names.size > 0, late > 0, 'a number above zero has children behind it');
    assert.ok(names.size <= late, `${names.size} children listed for the number ${late}`);

    const first = children.childLinks().first();
    const name = (await first.textContent())!.trim();
    await first.click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    await assertNoAxeViolations(page, 'a child’s page');
    await children.back();
    assert.equal(page.url(), listUrl, 'back returns to the same list');
    await children.back();
    assert.equal(page.url(), teamUrl, 'and back again to the team');
    await context.close();
  });

  test('a practitioner sees their children this week, and cannot open another team’s child (403, recorded)', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const amina = persona('practitioner');
    await new SignInPage(page, hub.url).signIn(demoEmail(amina.name));
    await page.goto(`${hub.url}/performance/my-children`);
    await page.getByText(/You have seen \d+ of your \d+ children within their visiting timescale/).waitFor();
    await assertNoAxeViolations(page, 'my children this week');
    await page.getByRole('link', { name: 'How we work out when things are due' }).click();
    await assertNoAxeViolations(page, 'how we work it out');

    const db = hub.services.db;
    const me = await db
      .selectFrom('staff')
      .select(['id', 'team_id'])
      .where('email', '=', demoEmail(amina.name))
      .executeTakeFirstOrThrow();
    const other = await db
      .selectFrom('children')
      .select('id')
      .where('team_id', '!=', me.team_id)
      .executeTakeFirstOrThrow();
    const response = await page.goto(`${hub.url}/children/${other.id}`);
    assert.equal(response?.status(), 403);
    await page.getByRole('heading', { name: 'You do not have access to this page' }).waitFor();
    await assertNoAxeViolations(page, 'refused child');
    const audit = await db
      .selectFrom('audit_log')
      .select(['outcome', 'actor_id'])
      .where('record_id', '=', other.id)
      .execute();
    assert.deepEqual(audit, [{ outcome: 'denied', actor_id: me.id }]);
    await context.close();
  });

  test('a system admin uploads a file, sees the problems, then a preview, and imports it; axe on each step', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await new SignInPage(page, hub.url).signIn(demoEmail(persona('system-admin').name));
    await page.goto(`${hub.url}/performance/import`);
    await assertNoAxeViolations(page, 'import page');
    const dir = mkdtempSync(path.join(tmpdir(), 'e2e-import-'));
    const bad = path.join(dir, 'visits.csv');
    writeFileSync(bad, 'visit_id,child_id,date,kind,seen,seen_alone\nE2E1,C000001,2026-02-30,cp,yes,no\n');
    await page.getByLabel('Statutory visits').check();
    await page.getByLabel('File (CSV, or the Annex A workbook)').setInputFiles(bad);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await assertNoAxeViolations(page, 'import with problems');

    const good = path.join(dir, 'good-visits.csv');
    writeFileSync(good, 'visit_id,child_id,date,kind,seen,seen_alone\nE2E1,C000001,2026-02-27,cp,yes,no\n');
    await page.getByLabel('Statutory visits').check();
    await page.getByLabel('File (CSV, or the Annex A workbook)').setInputFiles(good);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('Nothing has been saved yet').waitFor();
    await assertNoAxeViolations(page, 'import preview');
    await page.getByRole('button', { name: 'Import 1 rows' }).click();
    await page.getByText(/Statutory visits imported from good-visits.csv: 1 added/).waitFor();
    await context.close();
  });

  test('the PSW changes a timescale: errors first, then saved with a reason, then back to the default; axe on each step', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await new SignInPage(page, hub.url).signIn(demoEmail(persona('psw').name));
    await page.goto(`${hub.url}/performance/how-we-work-it-out`);
    await page.getByRole('link', { name: 'Change the timescales' }).first().click();
    await page.getByRole('heading', { name: 'Change the timescales', level: 1 }).waitFor();
    const cin = page.locator('#cin-visits-workingDays');
    await cin.fill('ten');
    await page.getByRole('button', { name: 'Save the timescales' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    assert.equal(await cin.inputValue(), 'ten', 'what was typed is kept');
    await assertNoAxeViolations(page, 'change the timescales with errors');
    await page.getByRole('link', { name: 'Enter the reason for the change' }).click();
    assert.equal(
      await page.evaluate(() => document.activeElement?.id),
      'reason',
      'the summary leads to the field',
    );

    await cin.fill('15');
    await page.getByLabel('Reason for the change').fill('Agreed at the practice board');
    await page.getByRole('button', { name: 'Save the timescales' }).click();
    await page.getByText(/own timescale:/).waitFor();
    await page
      .getByText(/Seen at least every 15 working days while the plan lasts/)
      .first()
      .waitFor();
    await assertNoAxeViolations(page, 'how we work it out, with a timescale of our own');

    await page.goto(`${hub.url}/performance/how-we-work-it-out/change`);
    await page.getByRole('link', { name: 'Go back to the default for Child in need visits' }).click();
    await assertNoAxeViolations(page, 'go back to the default');
    await page.getByLabel('Reason for the change').fill('Back to the local procedure');
    await page.getByRole('button', { name: 'Go back to the default' }).click();
    await page.getByText('Child in need visits is back to the default').waitFor();
    await context.close();
  });
});
