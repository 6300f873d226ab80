import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { insertCourse, insertSession } from '../src/learning/api.ts';
import { londonInstant } from '../src/learning/london-time.ts';
import { addCalendarDays, londonDay } from '../src/platform/calendar/days.ts';
import { SessionPage, textOf } from './pages/learning.page.ts';
import { SignInPage } from './pages/sign-in.page.ts';
import { assertNoAxeViolations } from './support/axe.ts';
import { browserSkipReason, launchChromium, newContext } from './support/browser.ts';
import { startHub } from './support/hub.ts';

const skip = browserSkipReason();

describe('learning: book, wait, be promoted, attend, evaluate', { skip }, () => {
  let hub: Awaited<ReturnType<typeof startHub>>;
  let browser: Browser;
  let sessionId: string;
  const contexts: BrowserContext[] = [];
  const as = async (email: string) => {
    const context = await newContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    await new SignInPage(page, hub.url).signIn(email);
    return page;
  };

  before(async () => {
    hub = await startHub();
    browser = await launchChromium();
    // A session of two places a fortnight away, so the journey is the same whatever day it runs.
    const { db, clock } = hub.services;
    const now = clock.now().toISOString();
    const courseId = await insertCourse(db, now, {
      title: 'Direct work with children',
      summary: 'Tools for time with children.',
      category: 'Practice',
    });
    sessionId = await insertSession(db, now, {
      courseId,
      capacity: 2,
      venue: 'Learning Centre',
      trainers: 'Helen Marsh',
      parts: [{ day: addCalendarDays(londonDay(clock.now()), 14), start: '10:00', end: '12:00' }],
    });
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await hub?.stop();
  });

  test('three people book two places; a cancellation promotes the first waiting, who sees it', async () => {
    const amina = await as('amina.hussain@calderbrook.example');
    const daniel = await as('daniel.price@calderbrook.example');
    const grace = await as('grace.adeyemi@calderbrook.example');

    await amina.goto(`${hub.url}/learning`);
    await assertNoAxeViolations(amina, 'the catalogue');
    await amina.getByLabel('Search').fill('direct work');
    await amina.getByRole('button', { name: 'Find courses' }).click();
    await amina.getByRole('link', { name: 'Direct work with children' }).click();
    await assertNoAxeViolations(amina, 'a course page');
    await amina.goto(`${hub.url}/learning/calendar`);
    await assertNoAxeViolations(amina, 'the month calendar');

    const sa = new SessionPage(amina, hub.url, sessionId);
    const sd = new SessionPage(daniel, hub.url, sessionId);
    const sg = new SessionPage(grace, hub.url, sessionId);
    assert.match(await sa.book(), /You have a place/);
    await assertNoAxeViolations(amina, 'a session with a place');
    assert.match(await sd.book(), /You have a place/);
    await grace.goto(`${hub.url}/learning/sessions/${sessionId}`);
    await grace.getByRole('button', { name: 'Join the waiting list' }).waitFor();
    assert.match(await sg.book(), /You have joined the waiting list: you are number 1\./);
    assert.match(await sg.placeText(), /You are number 1 on the waiting list/);
    await assertNoAxeViolations(grace, 'a session from the waiting list');

    await amina.goto(`${hub.url}/learning/sessions/${sessionId}`);
    await amina.getByRole('button', { name: 'Cancel my place' }).click();
    await assertNoAxeViolations(amina, 'the page that asks before cancelling');
    await sa.cancel();
    assert.match(
      await textOf(amina.locator('.govuk-notification-banner')),
      /Your place has been cancelled and given to the next person on the waiting list/,
    );

    await sg.open();
    assert.match(await sg.placeText(), /You have a place on this session/);
    await grace.goto(`${hub.url}/learning/mine`);
    await grace.getByRole('link', { name: 'Direct work with children' }).waitFor();
    assert.match(await textOf(grace.locator('table')), /You have a place/);
    await assertNoAxeViolations(grace, 'my learning');
    // The promotion was emailed with a calendar invite, through the outbox.
    const mail = await hub.services.db
      .selectFrom('outbox')
      .select(['subject', 'attachments'])
      .where('to_address', '=', 'grace.adeyemi@calderbrook.example')
      .where('subject', 'like', 'A place for you%')
      .executeTakeFirstOrThrow();
    assert.match(mail.attachments, /METHOD:REQUEST/);
  });

  test('L&D take the register and the attendee evaluates', async () => {
    // The register opens on the day and evaluations follow the end: the session took place yesterday.
    const { db, clock } = hub.services;
    const yesterday = addCalendarDays(londonDay(clock.now()), -1);
    const [startsAt, endsAt] = [londonInstant(yesterday, '10:00'), londonInstant(yesterday, '12:00')];
    await db
      .updateTable('lrn_session_parts')
      .set({ day: yesterday, starts_at: startsAt, ends_at: endsAt })
      .where('session_id', '=', sessionId)
      .execute();
    await db.updateTable('lrn_sessions').set({ starts_at: startsAt }).where('id', '=', sessionId).execute();
    const priya = await as('priya.shah@calderbrook.example');
    const sp = new SessionPage(priya, hub.url, sessionId);
    await sp.open();
    await assertNoAxeViolations(priya, 'a session as L&D');
    await priya.getByRole('link', { name: 'Printable sign-in sheet' }).click();
    await priya.getByRole('cell', { name: 'Grace Adeyemi' }).waitFor();
    await assertNoAxeViolations(priya, 'the sign-in sheet');
    await sp.open();
    await priya.getByRole('link', { name: 'Take the register' }).click();
    await assertNoAxeViolations(priya, 'the register');
    await priya
      .getByRole('group', { name: /Grace Adeyemi/ })
      .getByLabel('Attended', { exact: true })
      .check();
    await priya
      .getByRole('group', { name: /Daniel Price/ })
      .getByLabel('Did not attend')
      .check();
    await priya.getByRole('button', { name: 'Save the register' }).click();
    assert.match(await textOf(priya.locator('.govuk-notification-banner')), /saved for 2 people/);

    const grace = await as('grace.adeyemi@calderbrook.example');
    await grace.goto(`${hub.url}/learning/mine`);
    assert.match(await textOf(grace.locator('body')), /Registration year 1 December/);
    await grace.getByRole('link', { name: 'Evaluate Direct work with children' }).click();
    await assertNoAxeViolations(grace, 'the evaluation form');
    await grace.getByRole('button', { name: 'Send my evaluation' }).click();
    await grace.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await assertNoAxeViolations(grace, 'the evaluation form with errors');
    await grace.getByRole('group', { name: 'How good was the content?' }).getByLabel('4').check();
    await grace.getByRole('group', { name: 'How good was the trainer?' }).getByLabel('5 (excellent)').check();
    await grace
      .getByRole('group', { name: 'How relevant was it to your practice?' })
      .getByLabel('5 (excellent)')
      .check();
    await grace
      .getByLabel('What will you do differently in your practice?')
      .fill('Use drawings to open conversations.');
    await grace.getByRole('button', { name: 'Send my evaluation' }).click();
    assert.match(await textOf(grace.locator('.govuk-notification-banner')), /Thank you for your evaluation/);

    await priya.goto(`${hub.url}/learning/sessions/${sessionId}/evaluations`);
    assert.match(
      await textOf(priya.locator('body')),
      /1 person has evaluated, of 1 person who attended \(100%\)/,
    );
    assert.match(await textOf(priya.locator('body')), /Use drawings to open conversations/);
    await assertNoAxeViolations(priya, 'evaluation results');
  });

  test('forms with errors keep the answers and pass axe (L&D and a practitioner)', async () => {
    const priya = await as('priya.shah@calderbrook.example');
    await priya.goto(`${hub.url}/learning/admin/courses/new`);
    await priya.getByLabel('An outside provider').check();
    await priya.getByRole('button', { name: 'Save the course' }).click();
    await priya.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await assertNoAxeViolations(priya, 'the course form with errors');

    await priya.goto(`${hub.url}/learning/admin/sessions/${sessionId}/edit`);
    // Another day without JavaScript: the form comes back with a second row, answers kept.
    await priya.getByRole('button', { name: 'Add another day' }).click();
    const day2 = priya.getByRole('group', { name: 'Date of day 2' });
    await day2.getByLabel('Day', { exact: true }).fill('31');
    await day2.getByLabel('Month').fill('2');
    await day2.getByLabel('Year').fill('2027');
    await priya.getByRole('button', { name: 'Save the session' }).click();
    await priya.getByRole('heading', { name: 'There is a problem' }).waitFor();
    assert.match(
      await textOf(priya.locator('.govuk-error-summary')),
      /Day 2: 31 February 2027 is not a date/,
    );
    assert.equal(await day2.getByLabel('Day', { exact: true }).inputValue(), '31');
    await assertNoAxeViolations(priya, 'the session form with errors');

    await priya.goto(`${hub.url}/learning/compliance/import`);
    const dir = mkdtempSync(path.join(tmpdir(), 'e2e-upload-'));
    const file = path.join(dir, 'completions.csv');
    writeFileSync(
      file,
      'email,module,completed_on\nnobody@calderbrook.example,Unconscious Bias,2026-10-01\n',
    );
    await priya.getByLabel('CSV file').setInputFiles(file);
    await priya.getByRole('button', { name: 'Import' }).click();
    await priya.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await priya.getByRole('cell', { name: /No member of staff/ }).waitFor();
    await assertNoAxeViolations(priya, 'the e-learning import with row errors');

    const amina = await as('amina.hussain@calderbrook.example');
    await amina.goto(`${hub.url}/learning/cpd`);
    await amina.getByRole('button', { name: 'Add the entry' }).click();
    await amina.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await assertNoAxeViolations(amina, 'the CPD page with errors');
    await amina.goto(`${hub.url}/learning/elearning`);
    await amina.getByRole('button', { name: /^Record it\b.*completed Unconscious Bias/ }).click();
    await amina.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await assertNoAxeViolations(amina, 'the e-learning page with errors');
  });
});
