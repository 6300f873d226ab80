import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Browser, createTestApp, personaFor } from '../testing/test-app.ts';
import { makeSession } from './test-fixtures.ts';

test('booking from the session page: forged, replayed and other people’s posts are refused and change nothing', async () => {
  const t = await createTestApp('sqlite');
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
    assert.match((await amina.get(url)).body, /Cancelled\./);
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
