import assert from 'node:assert/strict';
import fc from 'fast-check';
import { UserInputError } from '../platform/http/errors.ts';
import { forEachDialect, type TestDb } from '../testing/test-db.ts';
import { bookPlace, cancelPlace, claimOffer, decideRequest, expireOffers } from './booking.service.ts';
import { insertSession } from './offer.repo.ts';
import { makeSession, makeStaff, tester } from './test-fixtures.ts';
import { moveBooking } from './waitlist.service.ts';

/**
 * Random interleavings of booking, cancelling, approving, promoting (which
 * cancelling and moving trigger), holds near the start (claimed, or passed on
 * as time goes by) and moving, run for real against the database
 * in concurrent batches. After every batch: no session has more booked than
 * places, nobody holds two places on one session, and the waiting list is
 * first come first served (nobody waits while a place is free; everyone booked
 * joined before everyone still waiting).
 */
const PEOPLE = 6;
type Op =
  | { kind: 'book'; person: number; session: number }
  | { kind: 'cancel'; person: number; session: number }
  | { kind: 'decide'; person: number; approve: boolean }
  | { kind: 'move'; person: number; from: number }
  | { kind: 'claim'; person: number }
  | { kind: 'tick' };

// Booking and cancelling weigh most, so lists form and places free up often.
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('book' as const),
      person: fc.nat(PEOPLE - 1),
      session: fc.nat(2),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('cancel' as const),
      person: fc.nat(PEOPLE - 1),
      session: fc.nat(2),
    }),
  },
  fc.record({ kind: fc.constant('decide' as const), person: fc.nat(PEOPLE - 1), approve: fc.boolean() }),
  fc.record({ kind: fc.constant('move' as const), person: fc.nat(PEOPLE - 1), from: fc.nat(1) }),
  fc.record({ kind: fc.constant('claim' as const), person: fc.nat(PEOPLE - 1) }),
  fc.constant({ kind: 'tick' as const }),
);

async function activeOf(t: TestDb, sessionId: string, staffId: string) {
  return t.db
    .selectFrom('lrn_bookings')
    .select('id')
    .where('session_id', '=', sessionId)
    .where('staff_id', '=', staffId)
    .where('status', 'in', ['requested', 'booked', 'waitlisted', 'offered'])
    .executeTakeFirst();
}

async function check(t: TestDb, sessions: { id: string; capacity: number }[]) {
  for (const s of sessions) {
    const rows = await t.db
      .selectFrom('lrn_bookings')
      .select(['staff_id', 'status', 'queue_pos'])
      .where('session_id', '=', s.id)
      .where('status', 'in', ['requested', 'booked', 'waitlisted', 'offered'])
      .execute();
    const booked = rows.filter((r) => r.status === 'booked' || r.status === 'offered');
    const waiting = rows.filter((r) => r.status === 'waitlisted');
    assert.ok(booked.length <= s.capacity, `${booked.length} booked for ${s.capacity} places`);
    assert.equal(new Set(rows.map((r) => r.staff_id)).size, rows.length, 'one active booking each');
    if (waiting.length) {
      assert.equal(booked.length, s.capacity, 'nobody waits while a place is free');
      const lastBooked = Math.max(...booked.map((r) => r.queue_pos));
      assert.ok(Math.min(...waiting.map((r) => r.queue_pos)) > lastBooked, 'nobody jumped the queue');
    }
  }
}

forEachDialect('random interleavings keep places, uniqueness and the waiting-list order', async (t) => {
  const ctx = { db: t.db, dialect: t.dialect, clock: t.clock, config: t.services.config };
  const people = await makeStaff(t.db, PEOPLE);
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.array(op, { minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 10 }),
      async (batches) => {
        const a = await makeSession(t.db, { capacity: 1 });
        t.clock.set('2026-11-27T09:00:00Z');
        // Monday 30 November, one working day away: a place freed here is offered for a 4-hour hold.
        const b = await insertSession(t.db, '2026-01-01T00:00:00Z', {
          courseId: a.courseId,
          capacity: 1,
          cancelCutoffHours: 0,
          parts: [{ day: '2026-11-30', start: '09:00', end: '10:00' }],
        });
        const approval = await makeSession(t.db, {
          capacity: 2,
          course: { needs_approval: 1, title: 'Managers' },
        });
        const sessions = [
          { id: a.sessionId, capacity: 1 },
          { id: b, capacity: 1 },
          { id: approval.sessionId, capacity: 2 },
        ];
        const run = async (o: Op) => {
          if (o.kind === 'tick') {
            // An hour passes (never reaching the start) and holds that ran out pass on.
            t.clock.advanceMs(3_600_000);
            return expireOffers(ctx);
          }
          const staff = people[o.person]!;
          if (o.kind === 'claim') {
            const mine = await activeOf(t, b, staff);
            return mine && claimOffer(ctx, tester, mine.id);
          }
          if (o.kind === 'book') return bookPlace(ctx, tester, sessions[o.session]!.id, staff);
          if (o.kind === 'cancel') {
            const mine = await activeOf(t, sessions[o.session]!.id, staff);
            return mine && cancelPlace(ctx, tester, mine.id, { byOrganiser: false });
          }
          if (o.kind === 'decide') {
            const mine = await activeOf(t, approval.sessionId, staff);
            return mine && decideRequest(ctx, tester, mine.id, o.approve);
          }
          const mine = await activeOf(t, sessions[o.from]!.id, staff);
          return mine && moveBooking(ctx, tester, mine.id, sessions[1 - o.from]!.id);
        };
        for (const batch of batches) {
          const results = await Promise.allSettled(batch.map(run));
          for (const r of results)
            if (r.status === 'rejected' && !(r.reason instanceof UserInputError)) throw r.reason;
          await check(t, sessions);
        }
      },
    ),
    {
      numRuns: t.dialect === 'postgres' ? 25 : 60,
      // Besides the random runs, one in order that surely frees a place on each (a promotion, then a hold).
      examples: [
        [
          [
            [{ kind: 'book', person: 0, session: 0 }],
            [{ kind: 'book', person: 1, session: 0 }],
            [{ kind: 'book', person: 2, session: 1 }],
            [{ kind: 'book', person: 3, session: 1 }],
            [{ kind: 'cancel', person: 0, session: 0 }],
            [{ kind: 'cancel', person: 2, session: 1 }],
            [{ kind: 'tick' }],
            [{ kind: 'claim', person: 3 }],
          ],
        ],
      ],
    },
  );
  // The runs did reach the interesting cases, not only bookings.
  const happened = await t.db.selectFrom('audit_log').select('summary').distinct().execute();
  const summaries = happened.map((h) => h.summary);
  for (const expected of ['Given a freed place from the waiting list', 'Offered a freed place for a hold'])
    assert.ok(summaries.includes(expected), `no run reached: ${expected} (${summaries.join('; ')})`);
});
