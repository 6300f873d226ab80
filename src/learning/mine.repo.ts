import type { DbOrTrx } from '../platform/db/db.ts';
import { ACTIVE_STATUSES } from './booking.repo.ts';

/** The person's places, requests and waiting lists, soonest first, with whether each has been evaluated. */
export async function myActivePlaces(db: DbOrTrx, staffId: string) {
  return db
    .selectFrom('lrn_bookings as b')
    .innerJoin('lrn_sessions as s', 's.id', 'b.session_id')
    .innerJoin('lrn_courses as c', 'c.id', 's.course_id')
    .leftJoin('lrn_evaluations as e', 'e.booking_id', 'b.id')
    .select([
      'b.id',
      'b.status',
      'b.session_id',
      'b.queue_pos',
      'b.offer_expires_at',
      's.starts_at',
      'c.title',
      'e.id as evaluation',
    ])
    .where('b.staff_id', '=', staffId)
    .where('b.status', 'in', ACTIVE_STATUSES)
    .orderBy('s.starts_at')
    .execute();
}

export type MyPlaceRow = Awaited<ReturnType<typeof myActivePlaces>>[number];

/** The person's bookings with a day attended (wholly or in part). */
export async function myAttendedBookings(db: DbOrTrx, staffId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('lrn_attendance as a')
    .innerJoin('lrn_bookings as b', 'b.id', 'a.booking_id')
    .select('b.id')
    .where('b.staff_id', '=', staffId)
    .where('a.outcome', 'in', ['attended', 'partial'])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** The days of the person's CPD entries and whether each was discussed with a peer. */
export async function myCpdDays(db: DbOrTrx, staffId: string) {
  return db.selectFrom('lrn_cpd').select(['day', 'peer_reflected']).where('staff_id', '=', staffId).execute();
}

/** Where a place on the waiting list stands, from 1. */
export async function waitingPosition(db: DbOrTrx, sessionId: string, queuePos: number): Promise<number> {
  const ahead = await db
    .selectFrom('lrn_bookings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('session_id', '=', sessionId)
    .where('status', '=', 'waitlisted')
    .where('queue_pos', '<', queuePos)
    .executeTakeFirstOrThrow();
  return Number(ahead.n) + 1;
}

/** The days of some sessions, to tell which are over. */
export async function daysOfSessions(db: DbOrTrx, sessionIds: string[]) {
  if (!sessionIds.length) return [];
  return db
    .selectFrom('lrn_session_parts')
    .select(['session_id', 'day', 'start_time', 'ends_at'])
    .where('session_id', 'in', sessionIds)
    .execute();
}
