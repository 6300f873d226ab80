import type { Locator, Page } from 'playwright-core';

/** The complaints pages, as a complaints officer and an action owner use them. */
export class ComplaintPages {
  readonly page: Page;
  readonly baseUrl: string;
  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  form(id: string): Locator {
    return this.page.locator(`form#${id}`);
  }

  /** Registers a complaint; the child by name (not in the records) or, with `childRef`, chosen from the records. */
  async register(c: {
    complainant: string;
    child?: string;
    childRef?: string;
    team: string;
    element: string;
  }) {
    await this.page.goto(`${this.baseUrl}/complaints`);
    await this.page.getByRole('link', { name: 'Register a complaint' }).click();
    await this.page.getByLabel('How it was received').selectOption('email');
    await this.page.getByLabel("Complainant's name").fill(c.complainant);
    await this.page.getByLabel('Their relationship to the child').fill('mother');
    await this.page.getByRole('radio', { name: 'Yes', exact: true }).check();
    if (c.childRef) {
      await this.page.getByRole('radio', { name: 'Yes, in our records' }).check();
      await this.page.getByLabel("If in our records: the child's case reference").fill(c.childRef);
    } else {
      await this.page.getByRole('radio', { name: 'Not in our records, or not known' }).check();
      await this.page
        .getByLabel("If not in our records: the child's name, if known (optional)")
        .fill(c.child ?? '');
    }
    await this.page.getByLabel('Team', { exact: true }).selectOption({ label: c.team });
    await this.page.getByLabel('Short summary').fill('The family were not told about a meeting');
    await this.page.getByLabel('Element 1', { exact: true }).fill(c.element);
    await this.page.getByLabel('Theme of element 1').selectOption('communication');
    await this.page.getByRole('button', { name: 'Register the complaint' }).click();
    await this.page.getByRole('heading', { name: /^Complaint C-/ }).waitFor();
  }

  /** Opens one of the complaint's action pages from its summary (the task list or a card's link). */
  async open(link: string | RegExp) {
    await this.page.getByRole('link', { name: link }).first().click();
  }

  async recordFinding(outcome: 'Upheld' | 'Partly upheld' | 'Not upheld', finding: string) {
    await this.open(/^Record a finding for Stage/);
    const f = this.form('finding');
    await f.getByLabel('Element').selectOption({ index: 1 });
    await f.getByRole('radio', { name: outcome, exact: true }).check();
    await f.getByLabel('What the investigation found').fill(finding);
    await f.getByRole('button', { name: 'Save the finding' }).click();
    await this.page.getByText('The finding has been recorded.').waitFor();
  }

  async respond() {
    await this.open(/^Record (the|the council’s) response/);
    await this.form('respond').getByRole('button', { name: 'Record the response' }).click();
  }

  async escalate() {
    await this.open(/^The complainant asks for Stage/);
    await this.form('escalate')
      .getByRole('button', { name: /Move to Stage/ })
      .click();
    await this.page.getByText('The complaint has moved to the next stage.').waitFor();
  }
}
