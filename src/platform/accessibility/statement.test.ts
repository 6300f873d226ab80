import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { type AccessibilityStatement, complianceStatus, STATEMENT } from './statement.ts';

const DAY = 86_400_000;
const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

// The statement is kept in step with the service: the list is reviewed at least once a year (the
// regulations ask for regular review), each known problem says what fails and what to do instead,
// and the page shows exactly what the list holds.
describe('the accessibility statement the team keeps', () => {
  test('was reviewed within the last year, after it was prepared, and names a way to reach us', () => {
    for (const day of [STATEMENT.preparedOn, STATEMENT.lastReviewedOn, STATEMENT.lastTestedOn])
      assert.ok(isDay(day), `${day} is a date as YYYY-MM-DD`);
    assert.ok(STATEMENT.lastReviewedOn >= STATEMENT.preparedOn, 'reviewed on or after it was prepared');
    const age = Date.now() - Date.parse(STATEMENT.lastReviewedOn);
    assert.ok(
      age < 365 * DAY,
      `the statement was last reviewed on ${STATEMENT.lastReviewedOn}: review the known problems in src/platform/accessibility/statement.ts against the service and record the day`,
    );
    assert.match(STATEMENT.contact.email, /^[^@\s]+@[^@\s]+\.[^@\s]+$/);
  });

  test('each known problem names the WCAG 2.2 criteria it fails, what to do instead and the plan', () => {
    for (const p of STATEMENT.knownProblems) {
      assert.ok(p.criteria.length > 0, p.problem);
      for (const c of p.criteria)
        assert.match(c, /^[1-4]\.\d{1,2}\.\d{1,2} [A-Z]/, `"${c}" as "1.4.1 Use of colour"`);
      for (const words of [p.problem, p.instead, p.plan])
        assert.match(words, /[a-z].*\.$/, `a sentence: ${words}`);
    }
  });

  test('the compliance status follows from the list', () => {
    const none: AccessibilityStatement = { ...STATEMENT, knownProblems: [] };
    assert.equal(complianceStatus(none), 'fully');
    assert.equal(
      complianceStatus({ ...none, knownProblems: STATEMENT.knownProblems.slice(0, 1) }),
      'partially',
    );
  });

  describe('the page', () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp('sqlite');
    });
    after(async () => t?.drop());

    test('says what the regulations ask, from the list, to anyone', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/accessibility' });
      assert.equal(res.statusCode, 200);
      const text = res.body
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .replaceAll('&#39;', "'");
      const status =
        complianceStatus(STATEMENT) === 'fully' ? 'is fully compliant' : 'is partially compliant';
      for (const expected of [
        'Compliance status',
        `This service ${status} with the Web Content Accessibility Guidelines version 2.2 AA standard`,
        'Feedback, and content in another format',
        'Reporting accessibility problems with this service',
        'Enforcement procedure',
        'Equality and Human Rights Commission (EHRC)',
        'Equality Advisory and Support Service (EASS)',
        'Equality Commission for Northern Ireland',
        'Preparation of this accessibility statement',
        `It was last reviewed on ${new Date(STATEMENT.lastReviewedOn).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })}`,
        STATEMENT.contact.email,
        ...STATEMENT.knownProblems.flatMap((p) => [p.problem, p.instead, p.plan, ...p.criteria]),
      ]) {
        assert.ok(text.includes(expected), `the statement says "${expected}"`);
      }
    });
  });
});
