import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { forEachDialect, type TestDb } from '../testing/test-db.ts';
import { bookPlace } from './booking.service.ts';
import { addSession, cancelSession, changeSession } from './offer.service.ts';
import { makeSession, makeStaff, tester } from './test-fixtures.ts';

const ctx = (t: TestDb) => ({ db: t.db, dialect: t.dialect, clock: t.clock, config: t.services.config });
const inviteOf = async (t: TestDb, subject: string) => {
  const m = await t.db
    .selectFrom('outbox')
    .select('attachments')
    .where('subject', 'like', `${subject}%`)
    .orderBy('created_at')
    .execute();
  return m.map(
    (x) =>
      new ICAL.Event(
        new ICAL.Component(ICAL.parse(JSON.parse(x.attachments)[0].content)).getFirstSubcomponent('vevent')!,
      ),
  );
};

forEachDialect(
  'changing a time tells everyone booked with the same UID and a higher SEQUENCE; cancelling sends CANCEL',
  async (t) => {
    const [a, b, c] = await makeStaff(t.db, 3);
    const { sessionId } = await makeSession(t.db, { capacity: 2 });
    await bookPlace(ctx(t), tester, sessionId, a!);
    await bookPlace(ctx(t), tester, sessionId, b!);
    await bookPlace(ctx(t), tester, sessionId, c!);
    const [first] = await inviteOf(t, 'Booked');
    await assert.rejects(
      changeSession(ctx(t), tester, sessionId, {
        capacity: 1,
        parts: [{ day: '2026-12-16', start: '09:00', end: '11:00' }],
      }),
      /2 people have places/,
    );
    const out = await changeSession(ctx(t), tester, sessionId, {
      capacity: 3,
      parts: [{ day: '2026-12-17', start: '13:00', end: '15:00' }],
    });
    assert.deepEqual(out, { timesChanged: true, told: 2 });
    const changed = await inviteOf(t, 'Changed');
    assert.equal(changed.length, 2);
    const same = changed.find((e) => e.uid === first!.uid)!;
    assert.ok(same.sequence > first!.sequence);
    assert.equal(same.startDate.toJSDate().toISOString(), '2026-12-17T13:00:00.000Z');
    // The third place went to the person waiting.
    const cBooking = await t.db
      .selectFrom('lrn_bookings')
      .select('status')
      .where('staff_id', '=', c!)
      .executeTakeFirstOrThrow();
    assert.equal(cBooking.status, 'booked');

    assert.equal(await cancelSession(ctx(t), tester, sessionId), 3);
    const cancelled = await inviteOf(t, 'Session cancelled');
    assert.equal(cancelled.length, 3);
    const again = cancelled.find((e) => e.uid === first!.uid)!;
    assert.ok(again.sequence > same.sequence);
    assert.equal(again.component.getFirstPropertyValue('status'), 'CANCELLED');
    await assert.rejects(bookPlace(ctx(t), tester, sessionId, a!), /cancelled/);
  },
);

forEachDialect('people who registered interest are told once when dates are added', async (t) => {
  const [a] = await makeStaff(t.db, 1);
  const { courseId } = await makeSession(t.db, { capacity: 2 });
  await t.db
    .insertInto('lrn_interest')
    .values({ course_id: courseId, staff_id: a!, created_at: '2026-11-01T00:00:00Z', notified_at: null })
    .execute();
  await addSession(ctx(t), tester, {
    courseId,
    capacity: 5,
    parts: [{ day: '2027-01-12', start: '09:00', end: null }],
  });
  await addSession(ctx(t), tester, {
    courseId,
    capacity: 5,
    parts: [{ day: '2027-01-19', start: '09:00', end: null }],
  });
  const mail = await t.db
    .selectFrom('outbox')
    .select(['subject', 'text_body'])
    .where('subject', 'like', 'Dates added%')
    .execute();
  assert.equal(mail.length, 1);
  assert.match(mail[0]!.text_body, /12 January 2027, 09:00 to end time to be confirmed/);
});
