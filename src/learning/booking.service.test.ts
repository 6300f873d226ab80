import assert from 'node:assert/strict';
import { forEachDialect, type TestDb } from '../testing/test-db.ts';
import { bookPlace, cancelPlace, claimOffer, decideRequest, expireOffers } from './booking.service.ts';
import { makeSession, makeStaff, tester } from './test-fixtures.ts';
import { moveBooking, reorderWaiting } from './waitlist.service.ts';

const ctx = (t: TestDb) => ({ db: t.db, dialect: t.dialect, clock: t.clock, config: t.services.config });
const statuses = async (t: TestDb, sessionId: string) =>
  Object.fromEntries(
    (
      await t.db
        .selectFrom('lrn_bookings')
        .select(['staff_id', 'status'])
        .where('session_id', '=', sessionId)
        .execute()
    ).map((r) => [r.staff_id, r.status]),
  );
const count = async (t: TestDb, table: 'lrn_bookings' | 'outbox') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

forEachDialect(
  'cancelling a place gives it to the first person waiting, who is told with an invite',
  async (t) => {
    const [a, b, c, d] = await makeStaff(t.db, 4);
    const { sessionId } = await makeSession(t.db, { capacity: 2 });
    const booked = await bookPlace(ctx(t), tester, sessionId, a!);
    await bookPlace(ctx(t), tester, sessionId, b!);
    await bookPlace(ctx(t), tester, sessionId, c!);
    await bookPlace(ctx(t), tester, sessionId, d!);
    await cancelPlace(ctx(t), tester, booked.bookingId, { byOrganiser: false });
    assert.deepEqual(await statuses(t, sessionId), {
      [a!]: 'cancelled',
      [b!]: 'booked',
      [c!]: 'booked',
      [d!]: 'waitlisted',
    });
    const promoted = await t.db
      .selectFrom('outbox')
      .innerJoin('staff', 'staff.email', 'outbox.to_address')
      .select(['outbox.subject', 'outbox.attachments'])
      .where('staff.id', '=', c!)
      .where('outbox.subject', 'like', 'A place for you%')
      .executeTakeFirstOrThrow();
    const [invite] = JSON.parse(promoted.attachments);
    assert.equal(invite.method, 'REQUEST');
    assert.match(invite.content, /METHOD:REQUEST/);
    const cancelMail = await t.db
      .selectFrom('outbox')
      .innerJoin('staff', 'staff.email', 'outbox.to_address')
      .select('outbox.attachments')
      .where('staff.id', '=', a!)
      .where('outbox.subject', 'like', 'Cancelled%')
      .executeTakeFirstOrThrow();
    assert.match(JSON.parse(cancelMail.attachments)[0].content, /METHOD:CANCEL/);
  },
);

forEachDialect('bad requests are refused with a clear message and change nothing', async (t) => {
  const [a, b] = await makeStaff(t.db, 2);
  const { sessionId } = await makeSession(t.db, { capacity: 1 });
  const first = await bookPlace(ctx(t), tester, sessionId, a!);
  const before = [await count(t, 'lrn_bookings'), await count(t, 'outbox')];
  await assert.rejects(bookPlace(ctx(t), tester, sessionId, a!), /already have a place/);
  // Past session.
  const past = await makeSession(t.db, { capacity: 3, day: '2026-11-20' });
  await assert.rejects(bookPlace(ctx(t), tester, past.sessionId, b!), /already started/);
  // Cancelled session.
  const gone = await makeSession(t.db, { capacity: 3 });
  await t.db
    .updateTable('lrn_sessions')
    .set({ status: 'cancelled' })
    .where('id', '=', gone.sessionId)
    .execute();
  await assert.rejects(bookPlace(ctx(t), tester, gone.sessionId, b!), /cancelled/);
  // Closed sign-up.
  const closed = await makeSession(t.db, {
    capacity: 3,
    session: { signupClosesAt: '2026-11-26T00:00:00Z' },
  });
  await assert.rejects(bookPlace(ctx(t), tester, closed.sessionId, b!), /closed/);
  // After the cutoff (the clock stands at 27 November; the session is on 16 December at 09:00).
  t.clock.set('2026-12-15T10:00:00Z');
  await assert.rejects(cancelPlace(ctx(t), tester, first.bookingId, { byOrganiser: false }), /24 hours/);
  assert.deepEqual([await count(t, 'lrn_bookings'), await count(t, 'outbox')], before);
  // L&D may still cancel after the cutoff.
  await cancelPlace(ctx(t), tester, first.bookingId, { byOrganiser: true });
  await assert.rejects(
    cancelPlace(ctx(t), tester, first.bookingId, { byOrganiser: true }),
    /already been cancelled/,
  );
});

forEachDialect(
  'approval: requests wait for a manager, and approval never goes beyond the places',
  async (t) => {
    const [a, b] = await makeStaff(t.db, 2);
    const { sessionId } = await makeSession(t.db, { capacity: 1, course: { needs_approval: 1 } });
    const ra = await bookPlace(ctx(t), tester, sessionId, a!);
    const rb = await bookPlace(ctx(t), tester, sessionId, b!);
    assert.deepEqual([ra.status, rb.status], ['requested', 'requested']);
    await decideRequest(ctx(t), tester, ra.bookingId, true);
    await assert.rejects(decideRequest(ctx(t), tester, rb.bookingId, true), /no places left/);
    assert.deepEqual(await statuses(t, sessionId), { [a!]: 'booked', [b!]: 'requested' });
    await decideRequest(ctx(t), tester, rb.bookingId, false);
    assert.equal((await statuses(t, sessionId))[b!], 'declined');
  },
);

forEachDialect(
  'close to the start a freed place is held for hours, then passes on; never after the start',
  async (t) => {
    const [a, b, c] = await makeStaff(t.db, 3);
    // Monday 30 November 2026 at 09:00; now is Friday 27 November 09:00, one working day before.
    const { sessionId } = await makeSession(t.db, {
      capacity: 1,
      day: '2026-11-30',
      session: { cancelCutoffHours: 0 },
    });
    const first = await bookPlace(ctx(t), tester, sessionId, a!);
    await bookPlace(ctx(t), tester, sessionId, b!);
    await bookPlace(ctx(t), tester, sessionId, c!);
    await cancelPlace(ctx(t), tester, first.bookingId, { byOrganiser: false });
    assert.deepEqual(await statuses(t, sessionId), {
      [a!]: 'cancelled',
      [b!]: 'offered',
      [c!]: 'waitlisted',
    });
    const offered = await t.db
      .selectFrom('lrn_bookings')
      .selectAll()
      .where('staff_id', '=', b!)
      .executeTakeFirstOrThrow();
    assert.equal(offered.offer_expires_at, '2026-11-27T13:00:00.000Z');
    t.clock.set('2026-11-27T13:00:00Z');
    await assert.rejects(claimOffer(ctx(t), tester, offered.id), /hold on this place has ended/);
    assert.equal(await expireOffers(ctx(t)), 1);
    assert.deepEqual(await statuses(t, sessionId), { [a!]: 'cancelled', [b!]: 'lapsed', [c!]: 'offered' });
    const cOffer = await t.db
      .selectFrom('lrn_bookings')
      .select('id')
      .where('staff_id', '=', c!)
      .executeTakeFirstOrThrow();
    await claimOffer(ctx(t), tester, cOffer.id);
    assert.equal((await statuses(t, sessionId))[c!], 'booked');

    // Once the session has started, a freed place stays empty.
    const [d] = await makeStaff(t.db, 1, 'late');
    await bookPlace(ctx(t), tester, sessionId, d!);
    t.clock.set('2026-11-30T09:30:00Z');
    await cancelPlace(ctx(t), tester, cOffer.id, { byOrganiser: true });
    assert.equal((await statuses(t, sessionId))[d!], 'waitlisted');
  },
);

forEachDialect('L&D reorder the waiting list and move people to another session of the course', async (t) => {
  const [a, b, c] = await makeStaff(t.db, 3);
  const { sessionId, courseId } = await makeSession(t.db, { capacity: 1 });
  const other = await makeSession(t.db, { capacity: 1, course: { title: 'Another course' } });
  const { insertSession } = await import('./offer.repo.ts');
  const sibling = await insertSession(t.db, '2026-01-01T00:00:00Z', {
    courseId,
    capacity: 5,
    parts: [{ day: '2026-12-18', start: '13:00', end: '15:00' }],
  });
  const pa = await bookPlace(ctx(t), tester, sessionId, a!);
  const pb = await bookPlace(ctx(t), tester, sessionId, b!);
  const pc = await bookPlace(ctx(t), tester, sessionId, c!);
  await reorderWaiting(ctx(t), tester, pc.bookingId, 'up');
  const order = await t.db
    .selectFrom('lrn_bookings')
    .select('staff_id')
    .where('session_id', '=', sessionId)
    .where('status', '=', 'waitlisted')
    .orderBy('queue_pos')
    .execute();
  assert.deepEqual(
    order.map((r) => r.staff_id),
    [c, b],
  );
  await assert.rejects(moveBooking(ctx(t), tester, pb.bookingId, other.sessionId), /same course/);
  const moved = await moveBooking(ctx(t), tester, pa.bookingId, sibling);
  assert.equal(moved.status, 'booked');
  // a's place on the first session went to c, who was moved to the front.
  assert.deepEqual(await statuses(t, sessionId), { [a!]: 'moved', [b!]: 'waitlisted', [c!]: 'booked' });
  assert.deepEqual(await statuses(t, sibling), { [a!]: 'booked' });
});
