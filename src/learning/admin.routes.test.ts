import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Browser, createTestApp, personaFor } from '../testing/test-app.ts';
import { dialectsUnderTest } from '../testing/test-db.ts';

for (const dialect of dialectsUnderTest())
  test(`L&D add a course and a three-day session through the forms; bad input keeps the answers and changes nothing [${dialect}]`, async () => {
    const t = await createTestApp(dialect);
    try {
      const b = new Browser(t.app);
      await b.signIn(personaFor('ld-admin').email);
      let _csrf = await b.csrfFrom('/learning/admin/courses/new');
      const bad = await b.post('/learning/admin/courses/new', { _csrf, title: '', providerKind: 'external' });
      assert.equal(bad.statusCode, 303);
      const again = await b.get('/learning/admin/courses/new');
      assert.match(again.body, /Enter the course title/);
      assert.match(again.body, /Enter the name of the outside provider/);
      const ok = await b.post('/learning/admin/courses/new', {
        _csrf,
        title: 'Genograms in practice',
        summary: 'Drawing families.',
        audience: 'everyone',
        providerKind: 'internal',
        mandatory: 'no',
        needsApproval: 'no',
      });
      const courseUrl = String(ok.headers.location);
      assert.match(courseUrl, /^\/learning\/courses\//);
      const courseId = courseUrl.split('/').pop()!;

      const newUrl = `/learning/admin/courses/${courseId}/sessions/new`;
      _csrf = await b.csrfFrom(newUrl);
      const sessions = async () => (await t.db.selectFrom('lrn_sessions').select('id').execute()).length;
      const before = await sessions();
      const day = (i: number, d: string, start = '', end = '') => {
        const [dd = '', mm = '', yyyy = ''] = d.split(' ');
        return {
          [`day-${i}-day`]: dd,
          [`day-${i}-month`]: mm,
          [`day-${i}-year`]: yyyy,
          [`day-${i}-start`]: start,
          [`day-${i}-end`]: end,
        };
      };
      // "Add another day" (no JavaScript): the form comes back with a second row and the answers kept, nothing saved.
      const added = await b.post(newUrl, {
        _csrf,
        action: 'add-day',
        dayCount: '1',
        ...day(0, '2 12 2026', '09:30', '16:30'),
        capacity: '12',
      });
      assert.equal(added.headers.location, `${newUrl}#day-1-day`);
      let form = await b.get(newUrl);
      assert.doesNotMatch(form.body, /There is a problem/);
      assert.match(form.body, /name="dayCount" value="2"/);
      assert.match(form.body, /id="day-1-day"/);
      assert.match(form.body, /name="day-0-start" type="time" value="09:30"/);
      assert.equal(await sessions(), before);

      // A date that is not one is told in plain words, with the answers kept.
      await b.post(newUrl, {
        _csrf,
        dayCount: '2',
        ...day(0, '2 12 2026', '09:30', '16:30'),
        ...day(1, '30 2 2027'),
        capacity: '12',
        cancelCutoffHours: '24',
      });
      form = await b.get(newUrl);
      assert.match(form.body, /Day 2: 30 February 2027 is not a date/);
      assert.match(form.body, /href="#day-1-day"/);
      assert.match(form.body, /name="day-1-day" type="text" value="30"/, 'the answers are kept');
      assert.equal(await sessions(), before);

      // Not in the past, and 1 or more places.
      await b.post(newUrl, { _csrf, ...day(0, '26 11 2026'), capacity: '0' });
      form = await b.get(newUrl);
      assert.match(form.body, /Enter the number of places as a whole number from 1 to 1,000/);
      await b.post(newUrl, { _csrf, ...day(0, '26 11 2026'), capacity: '4' });
      form = await b.get(newUrl);
      assert.match(form.body, /Thursday 26 November 2026 is in the past/);
      assert.equal(await sessions(), before);

      // A Saturday is not saved without a word: L&D are asked to confirm, then it is saved.
      const saturday = {
        _csrf,
        dayCount: '3',
        ...day(0, '2 12 2026', '09:30', '16:30'),
        ...day(1, '5 12 2026', '9.30', '3pm'),
        ...day(2, '16 12 2026', '09:30'),
        capacity: '12',
        venue: 'Learning Centre',
        cancelCutoffHours: '24',
        offerWindowDays: '2',
        holdHours: '6',
      };
      await b.post(newUrl, saturday);
      form = await b.get(newUrl);
      assert.match(form.body, /Saturday 5 December 2026 \(a weekend\) is not a working day/);
      assert.match(form.body, /name="confirmNonWorking"/);
      assert.equal(await sessions(), before);
      const made = await b.post(newUrl, { ...saturday, confirmNonWorking: 'yes' });
      assert.match(String(made.headers.location), /^\/learning\/sessions\//);
      const page = await b.get(String(made.headers.location));
      assert.match(
        page.body,
        /Wednesday 2 December 2026, 09:30 to 16:30; Saturday 5 December 2026, 09:30 to 15:00; Wednesday 16 December 2026, 09:30 to end time to be confirmed/,
      );
      assert.match(page.body, /12 places left of 12/);
      const saved = await t.db
        .selectFrom('lrn_sessions')
        .select(['id', 'offer_window_days', 'hold_hours'])
        .where('course_id', '=', courseId)
        .executeTakeFirstOrThrow();
      assert.deepEqual(
        { offer_window_days: saved.offer_window_days, hold_hours: saved.hold_hours },
        { offer_window_days: 2, hold_hours: 6 },
      );

      // Changing the venue later does not ask again about the Saturday it already has; a new bank holiday is asked about.
      const editUrl = `/learning/admin/sessions/${saved.id}/edit`;
      form = await b.get(editUrl);
      assert.match(form.body, /name="day-1-day" type="text" value="5"/);
      const changed = await b.post(editUrl, { ...saturday, venue: 'Room 2' });
      assert.equal(changed.headers.location, `/learning/sessions/${saved.id}`);
      await b.post(editUrl, { ...saturday, ...day(2, '28 12 2026', '09:30') });
      form = await b.get(editUrl);
      assert.match(form.body, /Monday 28 December 2026 \(.+, a bank holiday\) is not a working day/);

      // A practitioner cannot reach the forms.
      const p = new Browser(t.app);
      await p.signIn(personaFor('practitioner').email);
      assert.equal((await p.get('/learning/admin/courses/new')).statusCode, 403);
    } finally {
      await t.drop();
    }
  });
