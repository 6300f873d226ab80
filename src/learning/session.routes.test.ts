import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Browser, createTestApp, personaFor } from '../testing/test-app.ts';
import { dialectsUnderTest } from '../testing/test-db.ts';
import { makeSession } from './test-fixtures.ts';

for (const dialect of dialectsUnderTest())
  test(`booking from the session page: forged, replayed and other people’s posts are refused and change nothing [${dialect}]`, async () => {
    const t = await createTestApp(dialect);
    try {
      const { sessionId } = await makeSession(t.db, {
        capacity: 5,
        course: { title: 'Life Story Work refresher' },
      });
      const url = `/learning/sessions/${sessionId}`;
      const count = async () =>
        (await t.db.selectFrom('lrn_bookings').select('id').where('session_id', '=', sessionId).execute())
          .length;
      const amina = new Browser(t.app);
      await amina.signIn(personaFor('practitioner').email);
      const _csrf = await amina.csrfFrom(url);

      // Forged: no form token.
      assert.equal((await amina.post(`${url}/book`, {})).statusCode, 403);
      assert.equal(await count(), 0);

      const booked = await amina.post(`${url}/book`, { _csrf });
      assert.equal(booked.statusCode, 303);
      assert.match((await amina.get(url)).body, /You have a place\. We have emailed you a calendar invite\./);
      // Replayed: the same post again.
      await amina.post(`${url}/book`, { _csrf });
      assert.match((await amina.get(url)).body, /You already have a place or a request on this session/);
      assert.equal(await count(), 1);

      // Someone else cannot cancel Amina's place, even with their own valid form token.
      const booking = await t.db
        .selectFrom('lrn_bookings')
        .select('id')
        .where('session_id', '=', sessionId)
        .executeTakeFirstOrThrow();
      const daniel = new Browser(t.app);
      await daniel.signIn(personaFor('team-manager').email);
      const danielCsrf = await daniel.csrfFrom(url);
      assert.equal(
        (await daniel.post(`/learning/bookings/${booking.id}/cancel`, { _csrf: danielCsrf })).statusCode,
        403,
      );
      const still = await t.db
        .selectFrom('lrn_bookings')
        .select('status')
        .where('id', '=', booking.id)
        .executeTakeFirstOrThrow();
      assert.equal(still.status, 'booked');
      const refused = await t.db
        .selectFrom('audit_log')
        .select('summary')
        .where('outcome', '=', 'denied')
        .execute();
      assert.ok(
        refused.some((r) => r.summary.includes('/cancel')),
        'the refusal is audited',
      );

      await amina.post(`/learning/bookings/${booking.id}/cancel`, { _csrf });
      assert.match(
        (await amina.get(url)).body,
        /Your place has been cancelled\. We have emailed you a cancellation for your calendar\./,
      );
      const after = await t.db
        .selectFrom('lrn_bookings')
        .select('status')
        .where('id', '=', booking.id)
        .executeTakeFirstOrThrow();
      assert.equal(after.status, 'cancelled');
    } finally {
      await t.drop();
    }
  });

// Rules checked: a full session's button joins the waiting list and the answer gives the position (not
// "Success"); a place on the same course is said before booking, on a page that asks to confirm; cancelling
// asks first, and the message after says what happened to the place.
for (const dialect of dialectsUnderTest())
  test(`the waiting list, the checks before booking and the cancel page say what is true [${dialect}]`, async () => {
    const t = await createTestApp(dialect);
    try {
      const { sessionId, courseId } = await makeSession(t.db, {
        capacity: 1,
        course: { title: 'Genograms' },
      });
      const { sessionId: second } = await makeSession(t.db, {
        capacity: 5,
        day: '2027-01-13',
        course: { title: 'Genograms' },
      });
      await t.db.updateTable('lrn_sessions').set({ course_id: courseId }).where('id', '=', second).execute();
      const url = `/learning/sessions/${sessionId}`;
      const amina = new Browser(t.app);
      await amina.signIn(personaFor('practitioner').email);
      const daniel = new Browser(t.app);
      await daniel.signIn(personaFor('team-manager').email);
      let _csrf = await amina.csrfFrom(url);
      await amina.post(`${url}/book`, { _csrf });

      // Full: the button says so, and joining is news with the position, not a success.
      let page = await daniel.get(url);
      assert.match(page.body, />\s*Join the waiting list\s*</);
      assert.doesNotMatch(page.body, /Book a place/);
      const dCsrf = await daniel.csrfFrom(url);
      await daniel.post(`${url}/book`, { _csrf: dCsrf });
      page = await daniel.get(url);
      assert.match(page.body, /You have joined the waiting list: you are number 1\./);
      assert.doesNotMatch(page.body, /govuk-notification-banner--success/);
      assert.doesNotMatch(page.body, />\s*Success\s*</);

      // Cancelling asks first (a page, no JavaScript), then says what happened to the place.
      const booking = await t.db
        .selectFrom('lrn_bookings as b')
        .innerJoin('staff', 'staff.id', 'b.staff_id')
        .select(['b.id', 'b.status'])
        .where('b.session_id', '=', sessionId)
        .where('staff.email', '=', personaFor('practitioner').email)
        .executeTakeFirstOrThrow();
      page = await amina.get(url);
      assert.match(page.body, new RegExp(`href="/learning/bookings/${booking.id}/cancel"`));
      page = await amina.get(`/learning/bookings/${booking.id}/cancel`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Cancel your place\?/);
      assert.match(page.body, /Yes, cancel my place/);
      assert.equal(
        (
          await t.db
            .selectFrom('lrn_bookings')
            .select('status')
            .where('id', '=', booking.id)
            .executeTakeFirstOrThrow()
        ).status,
        'booked',
        'asking changes nothing',
      );
      _csrf = await amina.csrfFrom(`/learning/bookings/${booking.id}/cancel`);
      await amina.post(`/learning/bookings/${booking.id}/cancel`, { _csrf });
      page = await amina.get(url);
      assert.match(
        page.body,
        /Your place has been cancelled and given to the next person on the waiting list\./,
      );
      assert.doesNotMatch(page.body, /If you had a place/);

      // Daniel now has the place; another session of the same course warns him first and asks to confirm.
      page = await daniel.get(`/learning/sessions/${second}`);
      assert.match(
        page.body,
        /You already have a place on another session of Genograms: Wednesday 16 December 2026/,
      );
      assert.match(page.body, new RegExp(`href="/learning/sessions/${second}/book"`));
      page = await daniel.get(`/learning/sessions/${second}/book`);
      assert.match(page.body, /Check before you book/);
      assert.match(page.body, /Yes, book a place/);
      await daniel.post(`/learning/sessions/${second}/book`, {
        _csrf: await daniel.csrfFrom(`/learning/sessions/${second}/book`),
      });
      assert.match((await daniel.get(`/learning/sessions/${second}`)).body, /You have a place\./);

      // Someone else's booking: no cancel page for them.
      assert.equal(
        (await amina.get(`/learning/bookings/${booking.id}/cancel`)).statusCode,
        200,
        'her own, though cancelled',
      );
      const theirs = await t.db
        .selectFrom('lrn_bookings')
        .select('id')
        .where('session_id', '=', second)
        .executeTakeFirstOrThrow();
      assert.equal((await amina.get(`/learning/bookings/${theirs.id}/cancel`)).statusCode, 403);
    } finally {
      await t.drop();
    }
  });
