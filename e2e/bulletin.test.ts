import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { DEMO_PERSONAS, demoEmail } from '../src/demo/api.ts';
import { addCalendarDays, londonDay } from '../src/platform/calendar/days.ts';
import { BulletinPages } from './pages/bulletin.page.ts';
import { SignInPage } from './pages/sign-in.page.ts';
import { browserSkipReason, launchChromium, newContext } from './support/browser.ts';
import { startHub } from './support/hub.ts';

const skip = browserSkipReason();
const persona = (role: string) => DEMO_PERSONAS.find((p) => p.roles.includes(role as never))!;
// Images written by Chromium and Pillow (scripts/image-fixtures/make.py).
const fixture = (name: string) => path.join(import.meta.dirname, '../src/platform/files/fixtures', name);
const CARD = 'A blue card with the words “Test card” in white';
const RING = 'A gradient from near-black to blue with a white ring in the middle';

describe('the bulletin in a real browser', { skip }, () => {
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
    page.setDefaultTimeout(30_000);
    await new SignInPage(page, hub.url).signIn(demoEmail(persona(role).name));
    return { context, page, b: new BulletinPages(page, hub.url) };
  };

  test('the PSW builds an edition from a contribution, test-sends, schedules and publishes it; a practitioner reads it, confirms a must-read and books from its training list', async () => {
    // The contributor attaches an image to her waiting contribution, with JavaScript off; the page is checked with it on.
    const contributor = await signedIn('practitioner', false);
    await contributor.b.goto('/bulletin/contribute', 'Send an article or an idea to the bulletin');
    await contributor.page
      .getByRole('link', {
        name: 'Add an image (optional) of “What a peer-reflection group did for my practice”',
      })
      .click();
    await contributor.page.getByRole('heading', { level: 1, name: /^Add an image to/ }).waitFor();
    const imagePage = contributor.page.url();
    await contributor.page
      .getByLabel('Image', { exact: true })
      .setInputFiles(fixture('chromium-screenshot.png'));
    await contributor.page.getByLabel('Alt text').fill(CARD);
    await contributor.b.press('Add the image');
    await contributor.b.success('The image has been saved with your contribution');
    await contributor.page.getByRole('img', { name: CARD }).waitFor();
    await contributor.context.close();
    const checking = await signedIn('practitioner');
    await checking.page.goto(imagePage);
    await checking.page.getByRole('heading', { level: 1, name: /^The image for/ }).waitFor();
    await checking.b.check('a contribution’s image');
    await checking.context.close();

    const { context, page, b } = await signedIn('psw');
    await b.goto('/bulletin', 'Practice and Learning Bulletin');
    await b.check('the archive');
    await page.getByRole('link', { name: 'Start a new edition' }).click();
    await page.getByRole('heading', { name: 'Start a new edition' }).waitFor();
    await b.check('a new edition');
    assert.match(await page.getByLabel('Month').inputValue(), /^\d{4}-\d\d$/, 'next month is suggested');
    await page.getByLabel('Welcome').fill('Welcome to the edition our colleagues wrote.');
    await b.press('Start the edition');
    await b.success(/has been started as a draft/);
    await b.check('the editor’s page');
    const editUrl = page.url();

    // Next month's edition lists from today, so the dates still to come this month are in it too.
    const today = londonDay(new Date());
    await page.getByLabel('Training list from').fill(today);
    await page.getByLabel('Training list to').fill(addCalendarDays(today, 60));
    await b.press('Save the details');
    await b.success('The welcome, training period and distribution have been saved');

    // An article without text is refused, with the answers kept; then a must-read is added.
    await page.getByLabel('Title').fill('Read this first');
    await b.press('Add the article');
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await b.check('the editor’s page with an error');
    await page.getByLabel('Text', { exact: true }).fill('Everyone should **know** this.');
    await page.getByLabel(/Must read/).check();
    await b.press('Add the article');
    await b.success('“Read this first” has been added');

    // The editor adds an image on the article's page: an SVG is refused with a message, then a real photo is taken.
    await page.getByRole('link', { name: 'Read this first' }).click();
    await page.getByRole('heading', { level: 1, name: 'Change “Read this first”' }).waitFor();
    await page.getByLabel('Image', { exact: true }).setInputFiles(fixture('script.svg'));
    await page.getByLabel('Alt text').fill(RING);
    await b.press('Add the image');
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await page
      .getByText(/SVG images cannot be used/)
      .first()
      .waitFor();
    assert.equal(await page.getByLabel('Alt text').inputValue(), RING, 'the alt text is kept');
    await b.check('an article’s image refused');
    await page.getByLabel('Image', { exact: true }).setInputFiles(fixture('pillow-photo.jpg'));
    await b.press('Add the image');
    await b.success('The image has been saved');
    await page.getByRole('img', { name: RING }).waitFor();
    await b.check('an article with its image');
    await page.goto(editUrl);

    // The demo's waiting contribution becomes an article of this edition.
    await b.goto('/bulletin/contributions', 'Contributions to the bulletin');
    await b.check('contributions');
    await b.press(/Accept “What a peer-reflection group did for my practice”/);
    await b.success(/now a draft article/);
    await page.getByText('What a peer-reflection group did for my practice').first().waitFor();
    await b.goto(`/bulletin/${new URL(editUrl).pathname.split('/')[2]}`, /Practice and Learning Bulletin/);
    await page.getByRole('img', { name: CARD }).waitFor();
    await page.goto(editUrl);

    await b.press('Send a test to me');
    await b.success(/A test has been sent to/);
    await page.getByLabel('Day').fill('2001-01-01');
    await page.getByLabel('Time').fill('09:00');
    await b.press('Schedule the edition');
    await page.getByText('The time to send must be in the future').first().waitFor();
    await page.getByLabel('Day').fill('2099-01-01');
    await page.getByLabel('Time').fill('09:00');
    await b.press('Schedule the edition');
    await b.success(/will be sent on 2099-01-01 at 09:00/);
    await page
      .getByText(/to be sent on/)
      .first()
      .waitFor();
    await b.press('Take it off the schedule');
    await b.success(/draft again/);
    await b.press('Publish and send now');
    await b.success(/has been published and is being sent to \d+ people/);
    await page.getByRole('heading', { name: /Send report/ }).waitFor();
    await b.check('the send report');
    await page.goto(editUrl);
    const id = new URL(editUrl).pathname.split('/')[2]!;
    await context.close();

    // A practitioner, with JavaScript off: reads it, confirms the must-read, books from the training list.
    // axe and the reflow check run script in the page, so the pages are checked with JavaScript on first;
    // the journey itself is then made with JavaScript off.
    const checker = await signedIn('practitioner');
    for (const [path, where] of [
      [`/bulletin/${id}`, 'an edition'],
      [`/bulletin/${id}/print`, 'the print version'],
      ['/bulletin/contribute', 'contribute'],
    ] as const) {
      await checker.page.goto(`${hub.url}${path}`);
      await checker.page.getByRole('heading', { level: 1 }).waitFor();
      await checker.b.check(where);
    }
    await checker.context.close();
    const reader = await signedIn('practitioner', false);
    await reader.b.goto('/bulletin', 'Practice and Learning Bulletin');
    await reader.page
      .getByRole('link', { name: /Practice and Learning Bulletin/ })
      .first()
      .waitFor();
    await reader.b.goto(`/bulletin/${id}`, /Practice and Learning Bulletin/);
    assert.match(
      (await reader.page.locator('main').textContent()) ?? '',
      /What a peer-reflection group did for my practice/,
    );
    // Both images, with their alt text, the contributor's having come with her article.
    for (const alt of [CARD, RING]) await reader.page.getByRole('img', { name: alt }).waitFor();
    await reader.b.press('I have read this');
    await reader.b.success(/you have confirmed you have read “Read this first”/);
    await reader.page.getByText('You have read this').first().waitFor();
    await reader.page.getByRole('radio', { name: 'Useful', exact: true }).check();
    await reader.b.press('Send feedback');
    await reader.b.success('Thank you for your feedback on this edition');
    await reader.b.goto(`/bulletin/${id}`, /Practice and Learning Bulletin/);
    const training = reader.page.locator('#training').locator('..');
    // Each date in the training list links to its session's page, where the place is booked.
    const dates = training.locator('a[href^="/learning/sessions/"]');
    let booked = false;
    const seen: string[] = [];
    const listText = (await training.textContent())?.replace(/\s+/g, ' ').slice(0, 1500);
    // Counted on the edition's page, once: the loop goes to each date's page and back.
    const count = await dates.count();
    for (let i = 0; i < count && !booked; i++) {
      await reader.b.goto(`/bulletin/${id}`, /Practice and Learning Bulletin/);
      await dates.nth(i).click();
      const book = reader.page.getByRole('button', { name: /^Book a place/ });
      if ((await book.count()) === 0) {
        seen.push(
          `${reader.page.url()}: ${(await reader.page.locator('#booking, main p').first().textContent())?.trim()}`,
        );
        continue;
      }
      await book.first().click();
      await reader.page
        .getByText(/You have a place|Your place is booked|booked/i)
        .first()
        .waitFor();
      booked = true;
    }
    assert.ok(
      booked,
      `a session from the training list could be booked (tried: ${seen.join('; ') || 'no dates'}; the list: ${listText})`,
    );
    await reader.context.close();

    // The team manager sees who in the team has read it.
    const manager = await signedIn('team-manager');
    await manager.b.goto(`/bulletin/${id}/readers`, /Who has read/);
    await manager.b.check('who has read it');
    await manager.context.close();
  });
});
