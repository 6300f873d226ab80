import type { Page } from 'playwright-core';

/** The children's pages, as a manager or practitioner moves through them. */
export class ChildrenPages {
  readonly page: Page;
  readonly baseUrl: string;
  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  async openFromNavigation() {
    await this.page.getByRole('link', { name: 'Children', exact: true }).first().click();
    await this.page.getByRole('heading', { level: 1 }).waitFor();
  }

  /** The number of children with late work in the team's summary sentence; following it lists them. */
  async followLateChildren() {
    const link = this.page.getByRole('link', { name: /children (has|have) work that is late/ });
    const text = await link.textContent();
    await link.click();
    await this.page.getByRole('heading', { name: 'The children behind the number' }).waitFor();
    return Number(/(\d+) of the team/.exec(text ?? '')?.[1]);
  }

  childLinks() {
    return this.page.locator('table a[href^="/children/"]');
  }

  async back() {
    await this.page.getByRole('link', { name: /^Back/ }).click();
  }
}
