import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { assertNoAxeViolations } from '../support/axe.ts';
import { reflowProblems } from '../support/reflow.ts';

/** The bulletin's pages, as editors and readers move through them. */
export class BulletinPages {
  readonly page: Page;
  readonly baseUrl: string;
  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  /** axe, then the reflow check at 320 and 1280 px. */
  async check(where: string) {
    await assertNoAxeViolations(this.page, where);
    assert.deepEqual(await reflowProblems(this.page), [], `${where} reflows`);
  }

  async goto(path: string, heading: string | RegExp) {
    await this.page.goto(`${this.baseUrl}${path}`);
    await this.page.getByRole('heading', { level: 1, name: heading }).waitFor();
  }

  async press(name: string | RegExp) {
    await this.page.getByRole('button', { name }).first().click();
  }

  async success(text: string | RegExp) {
    await this.page.getByText(text).first().waitFor();
  }
}
