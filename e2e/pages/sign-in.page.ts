import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/api.ts';

export class SignInPage {
  readonly page: Page;
  readonly baseUrl: string;
  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  async open() {
    await this.page.goto(`${this.baseUrl}/sign-in`);
  }

  async signIn(email: string, password = DEMO_PASSWORD) {
    await this.open();
    await this.page.getByLabel('Work email address').fill(email);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await this.page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
  }

  /** The same, with the keyboard alone. */
  async signInWithKeyboard(email: string, password = DEMO_PASSWORD) {
    await this.open();
    // Tab through the page as a keyboard user would until the email field has focus.
    for (let i = 0; i < 20 && (await this.page.evaluate(() => document.activeElement?.id)) !== 'email'; i++) {
      await this.page.keyboard.press('Tab');
    }
    await this.page.keyboard.type(email);
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.type(password);
    await this.page.keyboard.press('Enter');
    await this.page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
  }
}
