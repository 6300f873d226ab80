import type { Locator, Page } from 'playwright-core';

/** The text of an element, as a person reads it (no hidden markup). */
export const textOf = async (l: Locator) => ((await l.textContent()) ?? '').replace(/\s+/g, ' ');

/** The learning pages, as a person uses them. */
export class SessionPage {
  readonly page: Page;
  readonly url: string;
  constructor(page: Page, baseUrl: string, sessionId: string) {
    this.page = page;
    this.url = `${baseUrl}/learning/sessions/${sessionId}`;
  }

  async open() {
    await this.page.goto(this.url);
  }

  async book() {
    await this.open();
    await this.page.getByRole('button', { name: /Book a place|Join the waiting list/ }).click();
    await this.page.waitForURL(this.url);
    return (await textOf(this.page.locator('.govuk-notification-banner'))).trim();
  }

  /** Cancelling asks first, on a page of its own. */
  async cancel() {
    await this.open();
    await this.page.getByRole('button', { name: 'Cancel my place' }).click();
    await this.page.getByRole('heading', { name: 'Cancel your place?' }).waitFor();
    await this.page.getByRole('button', { name: 'Yes, cancel my place' }).click();
    await this.page.waitForURL(this.url);
  }

  placeText() {
    return textOf(this.page.locator('#booking'));
  }
}
