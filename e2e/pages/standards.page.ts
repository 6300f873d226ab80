import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { assertNoAxeViolations } from '../support/axe.ts';

/** The practice standards and case audit pages, as people move through them. */
export class StandardsPages {
  readonly page: Page;
  readonly baseUrl: string;
  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  /** axe, then the page at 320 CSS pixels wide: nothing wider than the screen (WCAG 1.4.10 reflow). */
  async check(where: string) {
    await assertNoAxeViolations(this.page, where);
    const size = this.page.viewportSize()!;
    await this.page.setViewportSize({ width: 320, height: 640 });
    const wide = await this.page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 320, `${where} reflows at 320 px (content is ${wide} px wide)`);
    await this.page.setViewportSize(size);
  }

  async openStandard(title: RegExp) {
    await this.page.goto(`${this.baseUrl}/standards`);
    await this.page.getByRole('link', { name: title }).first().click();
    await this.page.getByRole('heading', { level: 1, name: title }).waitFor();
  }
}
