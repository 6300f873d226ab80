import assert from 'node:assert/strict';
import { test } from 'node:test';
import ICAL from 'ical.js';
import { Browser, createTestApp, personaFor } from '../testing/test-app.ts';
import { bookPlace } from './booking.service.ts';
import { makeSession, tester } from './test-fixtures.ts';

test('CPD: the page says plainly whether the year is met; entries, reflections, CSV and print', async () => {
  const t = await createTestApp('sqlite');
  try {
    const b = new Browser(t.app);
    await b.signIn(personaFor('practitioner').email);
    let page = await b.get('/learning/cpd');
    assert.match(
      page.body,
      /You have not met this year&#39;s requirement yet: you need 2 more pieces of CPD and at least one piece with peer reflection by 30 November 2026/,
    );
    const _csrf = await b.csrfFrom('/learning/cpd');
    await b.post('/learning/cpd/new', { _csrf, title: 'Read a practice review', day: 'yesterday' });
    assert.match((await b.get('/learning/cpd')).body, /Enter the date as YYYY-MM-DD/);
    // CPD is learning that has happened: a day after today is refused (issue 11 item 3).
    const entries = async () => (await t.db.selectFrom('lrn_cpd').select('id').execute()).length;
    const before = await entries();
    await b.post('/learning/cpd/new', { _csrf, title: 'Read a practice review', day: '2026-12-01' });
    assert.equal(await entries(), before, 'a CPD day after today is refused');
    // On 1 February 2027, both fall in the registration year that began on 1 December 2026.
    t.clock.set('2027-02-01T10:00:00Z');
    await b.signIn(personaFor('practitioner').email);
    const csrf = await b.csrfFrom('/learning/cpd');
    await b.post('/learning/cpd/new', {
      _csrf: csrf,
      title: 'Read a practice review',
      day: '2026-12-01',
      reflection: 'Neglect is often missed.',
      peerReflected: 'yes',
    });
    await b.post('/learning/cpd/new', { _csrf: csrf, title: 'Shadowed a court hearing', day: '2027-01-10' });
    page = await b.get('/learning/cpd');
    assert.match(page.body, /registration year: 1 December 2026 to 30 November 2027/);
    const csv = await b.get('/learning/cpd.csv');
    assert.match(String(csv.headers['content-disposition']), /attachment/);
    assert.match(csv.body, /Read a practice review/);
    assert.match(
      page.body,
      /You have met this year&#39;s requirement: 2 pieces of CPD, 1 with peer reflection/,
    );
    assert.match((await b.get('/learning/cpd/print')).body, /Neglect is often missed/);
    // Someone else's entry cannot be changed.
    const other = new Browser(t.app);
    const signedIn = await other.signIn(personaFor('ld-admin').email);
    // Said here, so a sign-in that did not hold is not mistaken below for the refusal being wrong.
    assert.equal(signedIn.statusCode, 303, `the second person's sign-in answered ${signedIn.statusCode}`);
    assert.notEqual(signedIn.headers.location, '/sign-in');
    const entry = await t.db.selectFrom('lrn_cpd').select('id').executeTakeFirstOrThrow();
    const res = await other.post(`/learning/cpd/${entry.id}`, {
      _csrf: await other.csrfFrom('/learning/cpd'),
      reflection: 'x',
    });
    assert.equal(res.statusCode, 403);
  } finally {
    await t.drop();
  }
});

test('calendar feed: a secret link shows my sessions, is audited, and stops working when replaced or turned off', async () => {
  const t = await createTestApp('sqlite');
  try {
    const b = new Browser(t.app);
    await b.signIn(personaFor('practitioner').email);
    const me = await t.db
      .selectFrom('staff')
      .select('id')
      .where('email', '=', personaFor('practitioner').email)
      .executeTakeFirstOrThrow();
    const { sessionId } = await makeSession(t.db, { capacity: 3, course: { title: 'Feed course' } });
    await bookPlace(
      { db: t.db, dialect: t.dialect, clock: t.clock, config: t.services.config },
      tester,
      sessionId,
      me.id,
    );
    const _csrf = await b.csrfFrom('/learning/mine');
    await b.post('/learning/feed/new', { _csrf });
    const shown = (await b.get('/learning/mine')).body;
    const link = /\/learning\/feed\/([A-Za-z0-9_-]+)\.ics/.exec(shown);
    assert.ok(link, 'the link is shown once');
    const feed = await t.app.inject({ method: 'GET', url: link[0] });
    assert.equal(feed.statusCode, 200);
    assert.match(String(feed.headers['content-type']), /text\/calendar/);
    const events = new ICAL.Component(ICAL.parse(feed.body))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v));
    assert.ok(events.some((e) => e.summary === 'Feed course'));
    const audited = await t.db
      .selectFrom('audit_log')
      .select('summary')
      .where('record_type', '=', 'calendar-feed')
      .where('action', '=', 'view')
      .execute();
    assert.equal(audited.length, 1);
    await b.post('/learning/feed/new', { _csrf });
    assert.equal(
      (await t.app.inject({ method: 'GET', url: link[0] })).statusCode,
      404,
      'the old link stops working',
    );
    await b.post('/learning/feed/revoke', { _csrf });
    assert.equal(await t.db.selectFrom('lrn_feed_tokens').select('staff_id').executeTakeFirst(), undefined);
  } finally {
    await t.drop();
  }
});
