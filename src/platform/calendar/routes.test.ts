import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Browser, createTestApp, personaFor } from '../../testing/test-app.ts';

const PAGE = '/admin/working-days';
const december = (body: string) => /<th [^>]*>December<\/th>\s*<td [^>]*>(\d+)<\/td>/.exec(body)?.[1];

test('a system admin sees the year, adds a closure day, is told why a weekend is refused, and removes it', async () => {
  const t = await createTestApp('sqlite');
  try {
    const b = new Browser(t.app);
    await b.signIn(personaFor('system-admin').email);

    // The clock says 27 November 2026, so the page opens on 2026.
    const page = await b.get(PAGE);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1 class="govuk-heading-l">Working days in 2026<\/h1>/);
    assert.match(page.body, /Friday 25 December 2026<\/td>\s*<td [^>]*>Christmas Day/);
    assert.match(page.body, /Monday 28 December 2026<\/td>\s*<td [^>]*>Boxing Day \(substitute day\)/);
    assert.doesNotMatch(page.body, /Saturday 26 December 2026/);
    // December 2026: 23 weekdays less Christmas Day and the Boxing Day substitute.
    assert.equal(december(page.body), '21');
    assert.match(page.body, /There are no closure days in 2026/);
    assert.match(page.body, /CC BY 3.0/);

    const _csrf = await b.csrfFrom(PAGE);
    const added = await b.post(PAGE, { _csrf, year: '2026', day: '2026-12-29', reason: 'Council closure' });
    assert.equal(added.statusCode, 303);
    assert.equal(added.headers.location, `${PAGE}?year=2026`);
    const after = await b.get(`${PAGE}?year=2026`);
    assert.match(after.body, /29 December 2026 is now a closure day \(Council closure\)/);
    assert.match(after.body, /Tuesday 29 December 2026<\/td>\s*<td [^>]*>Council closure<\/td>/);
    assert.equal(december(after.body), '20');

    const weekend = await b.post(PAGE, { _csrf, year: '2026', day: '2026-12-26', reason: 'Oops' });
    assert.equal(weekend.statusCode, 303);
    const withError = await b.get(`${PAGE}?year=2026`);
    assert.match(withError.body, /<title>Error: /);
    assert.match(withError.body, /There is a problem/);
    assert.match(
      withError.body,
      /href="#day">26 December 2026 is a Saturday, so it is already not a working day/,
    );
    assert.match(withError.body, /id="day" name="day" type="text" value="2026-12-26"/);
    assert.match(withError.body, /id="reason" name="reason" type="text" spellcheck="true" value="Oops"/);
    assert.equal((await t.db.selectFrom('closure_days').select('day').execute()).length, 1);

    const removed = await b.post(`${PAGE}/2026-12-29/remove`, { _csrf });
    assert.equal(removed.statusCode, 303);
    const final = await b.get(removed.headers.location as string);
    assert.match(final.body, /29 December 2026 is a working day again/);
    assert.equal(december(final.body), '21');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name'])
      .where('record_type', '=', 'closure-day')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['create', 'delete'],
    );
    assert.equal(audit[0]!.actor_name, personaFor('system-admin').name);

    const missing = await b.post(`${PAGE}/2026-12-29/remove`, { _csrf });
    assert.equal(missing.statusCode, 404);
  } finally {
    await t.drop();
  }
});

test('a practitioner can look and work out dates but cannot change closure days', async () => {
  const t = await createTestApp('sqlite');
  try {
    const b = new Browser(t.app);
    await b.signIn(personaFor('practitioner').email);
    const page = await b.get(`${PAGE}?year=2027`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Working days in 2027/);
    assert.doesNotMatch(page.body, /Add a closure day/);
    const _csrf = await b.csrfFrom('/');
    const refused = await b.post(PAGE, { _csrf, year: '2027', day: '2027-12-29', reason: 'Closure' });
    assert.equal(refused.statusCode, 403);
    assert.equal((await t.db.selectFrom('closure_days').select('day').execute()).length, 0);

    const worked = await b.get(`${PAGE}/work-it-out?start=2026-12-20&days=10`);
    assert.equal(worked.statusCode, 200);
    // Sun 20 Dec is day 0; 21–24 Dec, 29–31 Dec and 4–6 Jan are working days 1–10.
    assert.match(worked.body, /10 working days after 20 December 2026 is 6 January 2027\./);
    assert.match(
      worked.body,
      /Not counted: 25 Dec Christmas Day, 28 Dec Boxing Day \(substitute day\), 1 Jan New Year(&#39;|')s Day and 4 weekend days\./,
    );
    assert.match(worked.body, /Friday 1 January 2027<\/td>\s*<td [^>]*>Bank holiday<\/td>/);
  } finally {
    await t.drop();
  }
});

test('bad years and bad "work it out" answers are explained, not guessed', async () => {
  const t = await createTestApp('sqlite');
  try {
    const b = new Browser(t.app);
    await b.signIn(personaFor('team-manager').email);
    const badYear = await b.get(`${PAGE}?year=1999`);
    assert.equal(badYear.statusCode, 400);
    assert.match(badYear.body, /href="#year">Enter a year from 2000 to 2100/);

    const bad = await b.get(`${PAGE}/work-it-out?start=2026-02-30&days=ten`);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /href="#start">Enter the start date as YYYY-MM-DD/);
    assert.match(bad.body, /href="#days">Enter a whole number of working days from 0 to 500/);

    const empty = await b.get(`${PAGE}/work-it-out`);
    assert.equal(empty.statusCode, 200);
    assert.match(empty.body, /id="start" name="start" type="text" value="2026-11-27"/);
    assert.doesNotMatch(empty.body, /The due date/);
  } finally {
    await t.drop();
  }
});
