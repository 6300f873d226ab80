import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { demoEmail } from '../src/demo/api.ts';
import { ComplaintPages } from './pages/complaint.page.ts';
import { SignInPage } from './pages/sign-in.page.ts';
import { assertNoAxeViolations } from './support/axe.ts';
import { browserSkipReason, launchChromium, newContext } from './support/browser.ts';
import { startHub } from './support/hub.ts';

const skip = browserSkipReason();

describe('complaints and the learning loop in a real browser', { skip }, () => {
  let hub: Awaited<ReturnType<typeof startHub>>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const signedIn = async (name: string, javaScriptEnabled = true) => {
    const context = await newContext(browser, { javaScriptEnabled });
    contexts.push(context);
    const page = await context.newPage();
    await new SignInPage(page, hub.url).signIn(demoEmail(name));
    return page;
  };
  before(async () => {
    hub = await startHub();
    browser = await launchChromium();
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await hub?.stop();
  });

  test('record, escalate, find, learn, evidence, close the loop, publish; a practitioner sees only the summary', async () => {
    const officer = await signedIn('Tom Whitfield');
    const pages = new ComplaintPages(officer, hub.url);

    // The register form, first with errors.
    await officer.goto(`${hub.url}/complaints/new`);
    await assertNoAxeViolations(officer, 'register a complaint');
    await officer.getByRole('button', { name: 'Register the complaint' }).click();
    await officer.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await assertNoAxeViolations(officer, 'register a complaint with errors');

    await pages.register({
      complainant: 'Ms R. Example',
      child: 'Child T',
      team: 'Assessment Team 1',
      element: 'Nobody told us about the meeting',
    });
    await officer.getByText(/The response is due by/).waitFor();
    await assertNoAxeViolations(officer, 'a new complaint');

    // Closing Stage 1 without an outcome is refused on the action's own page, with the error linked to the form.
    await pages.respond();
    await officer.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await officer.getByRole('link', { name: /Record an outcome for every element first/ }).waitFor();
    await assertNoAxeViolations(officer, 'a complaint action with an error');
    await officer.getByRole('link', { name: /^Back to complaint/ }).click();

    await pages.recordFinding('Not upheld', 'A letter about the meeting was sent');
    await pages.respond();
    await officer.getByText('The response has been recorded and the stage closed.').waitFor();
    await pages.escalate();
    await officer.getByText(/Stage 2: Open/).waitFor();
    await pages.recordFinding('Upheld', 'The letter went to an old address');
    await pages.open(/^Change\s+the investigation details/);
    await assertNoAxeViolations(officer, 'a complaint action page');
    await pages.form('investigation').getByLabel('Independent person (Stage 2)').fill('A. Independent');
    await pages.form('investigation').getByRole('button', { name: 'Save investigation details' }).click();
    await officer.getByText('The investigation details have been saved.').waitFor();
    await pages.open('Record a contact attempt');
    const contact = pages.form('contact');
    await contact.getByLabel('Who you tried to reach').fill('The previous social worker');
    await contact.getByLabel('How').selectOption('via agency');
    await contact.getByLabel('What happened').fill('Left a message with the agency');
    await contact.getByRole('button', { name: 'Record the attempt' }).click();
    await officer.getByText('The contact attempt has been recorded.').waitFor();
    await assertNoAxeViolations(officer, 'a complaint at Stage 2 with findings and a contact log');
    // The summary carries no form: every action is a page of its own.
    assert.equal(await officer.locator('main form').count(), 0);
    const complaintUrl = officer.url().replace(/#.*$/, '');

    // A learning point with an action owned by a practitioner.
    await officer.getByRole('link', { name: 'Add a learning point or recommendation' }).click();
    await assertNoAxeViolations(officer, 'add a learning point');
    await officer.getByRole('radio', { name: 'Learning point' }).check();
    await officer.getByLabel('Short title').fill('Check addresses before sending invitations');
    await officer
      .getByLabel('What was learned')
      .fill('An invitation went to an old address, so the family missed the meeting.');
    await officer.getByLabel('Theme').selectOption('meetings and minutes');
    await officer.getByRole('button', { name: 'Add the learning' }).click();
    await officer.getByText('The learning has been added. Now add its actions.').waitFor();
    const itemUrl = officer.url();
    await officer.getByRole('button', { name: 'Close the loop' }).click();
    await officer.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await assertNoAxeViolations(officer, 'a learning item with an error');
    const action = pages.form('action');
    await action.getByLabel('What must change').fill('Confirm the address on every invitation letter');
    await action.getByLabel('Owner').selectOption({ label: 'Amina Hussain, Social Worker' });
    await action.getByLabel('Due date').fill('2027-01-29');
    await action.getByRole('button', { name: 'Add the action' }).click();
    await officer.getByText('The action has been added.').waitFor();

    // The owner adds evidence.
    const amina = await signedIn('Amina Hussain');
    await amina.getByRole('link', { name: 'Lessons learned' }).click();
    await amina.getByRole('link', { name: 'Confirm the address on every invitation letter' }).click();
    await assertNoAxeViolations(amina, 'add evidence');
    await amina.getByRole('button', { name: 'Save the evidence' }).click();
    await amina.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await assertNoAxeViolations(amina, 'add evidence with errors');
    await amina
      .getByLabel('What changed')
      .fill('The letter template now asks us to confirm the address by phone first.');
    await amina.getByRole('button', { name: 'Save the evidence' }).click();
    await amina.getByText('Thank you: your evidence has been recorded.').waitFor();

    // The loop closes; the item is published with an anonymised summary.
    await officer.goto(itemUrl);
    await officer.getByRole('button', { name: 'Close the loop' }).click();
    await officer.getByText(/The loop is closed/).waitFor();
    const publish = pages.form('publish');
    await publish
      .getByLabel('Anonymised summary')
      .fill('Invitations now go out only after the address has been confirmed.');
    await publish.getByRole('radio', { name: 'Yes' }).check();
    await publish.getByRole('button', { name: 'Save publication' }).click();
    await officer.getByText('The anonymised summary is published for everyone.').waitFor();
    await assertNoAxeViolations(officer, 'a learning item with its loop closed');

    // The practitioner sees the published summary only: no complaint, no learning detail.
    await amina.goto(`${hub.url}/lessons`);
    await amina.getByText('Invitations now go out only after the address has been confirmed.').waitFor();
    assert.equal(await amina.getByText('An invitation went to an old address').count(), 0);
    assert.equal(await amina.getByText('Child T').count(), 0);
    assert.equal(await amina.getByRole('link', { name: 'Complaints' }).count(), 0);
    assert.equal((await amina.goto(complaintUrl))?.status(), 403);
    assert.equal((await amina.goto(itemUrl))?.status(), 403);
  });

  test('axe finds nothing on the other complaints pages, with filters and error states', async () => {
    const officer = await signedIn('Tom Whitfield');
    for (const url of [
      '/complaints?status=open&overdue=yes',
      '/complaints?stage=2',
      '/complaints/reports',
      '/lessons/items?status=open',
      '/lessons/sources',
      '/lessons/sources/new',
      '/lessons',
    ]) {
      const res = await officer.goto(`${hub.url}${url}`);
      assert.equal(res?.status(), 200, url);
      await assertNoAxeViolations(officer, url);
    }
    await officer.goto(`${hub.url}/lessons/sources/new`);
    await officer.getByRole('button', { name: 'Save' }).click();
    await officer.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await assertNoAxeViolations(officer, 'record a learning source with errors');
    // A Stage 3 complaint from the demo history, if there is one, with its panel dates.
    await officer.goto(`${hub.url}/complaints?stage=3`);
    const link = officer.getByRole('link', { name: /^C-/ }).first();
    if (await link.count()) {
      await link.click();
      await assertNoAxeViolations(officer, 'a Stage 3 complaint');
    }
  });

  test('without JavaScript: register a complaint and record a finding', async () => {
    const officer = await signedIn('Tom Whitfield', false);
    const pages = new ComplaintPages(officer, hub.url);
    // The child chosen from the records by their case reference (the demo's first child).
    await pages.register({
      complainant: 'Mr N. Example',
      childRef: 'C000001',
      team: 'Front Door',
      element: 'Nobody rang back',
    });
    await officer.getByText(/, C000001 \(in the children’s records\)/).waitFor();
    await pages.recordFinding('Partly upheld', 'Two calls were missed');
    await pages.respond();
    await officer.getByText(/Stage 1 was answered in time/).waitFor();
  });
});
