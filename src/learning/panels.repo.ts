import type { DbOrTrx } from '../platform/db/db.ts';
import type { ListScope } from '../platform/policy/policy.ts';
import { inScope } from './scope.ts';

/** The latest course named as a month's practice focus, up to this month ("2026-12"). */
export async function focusCourse(db: DbOrTrx, month: string) {
  return db
    .selectFrom('lrn_courses')
    .select(['id', 'title', 'summary', 'focus_month'])
    .where('focus_month', '<=', month)
    .where('focus_month', 'is not', null)
    .orderBy('focus_month', 'desc')
    .executeTakeFirst();
}

/** When a course's scheduled sessions still to come start, soonest first. */
export async function upcomingStarts(db: DbOrTrx, courseId: string, now: string): Promise<string[]> {
  const rows = await db
    .selectFrom('lrn_sessions')
    .select(['starts_at'])
    .where('course_id', '=', courseId)
    .where('status', '=', 'scheduled')
    .where('starts_at', '>', now)
    .orderBy('starts_at')
    .execute();
  return rows.map((r) => r.starts_at).filter((s): s is string => s !== null);
}

/** The person's held places and places on waiting lists. */
export async function myHoldsAndWaits(db: DbOrTrx, staffId: string) {
  return db
    .selectFrom('lrn_bookings as b')
    .innerJoin('lrn_sessions as s', 's.id', 'b.session_id')
    .innerJoin('lrn_courses as c', 'c.id', 's.course_id')
    .select(['b.status', 'b.offer_expires_at', 'c.title'])
    .where('b.staff_id', '=', staffId)
    .where('b.status', 'in', ['offered', 'waitlisted'])
    .execute();
}

/** The titles of training the person completed (it made a CPD entry) and has not evaluated. */
export async function myUnevaluated(db: DbOrTrx, staffId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('lrn_cpd as c')
    .innerJoin('lrn_bookings as b', 'b.id', 'c.booking_id')
    .leftJoin('lrn_evaluations as e', 'e.booking_id', 'b.id')
    .select('c.title')
    .where('c.staff_id', '=', staffId)
    .where('e.id', 'is', null)
    .execute();
  return rows.map((r) => r.title);
}

/** Days people in scope did not come to training they had booked, since a day, latest first (not the reader's own). */
export async function noShowsSince(db: DbOrTrx, since: string, scope: ListScope, readerId: string) {
  if (scope.kind === 'none') return [];
  return db
    .selectFrom('lrn_attendance as a')
    .innerJoin('lrn_session_parts as p', 'p.id', 'a.part_id')
    .innerJoin('lrn_bookings as b', 'b.id', 'a.booking_id')
    .innerJoin('lrn_sessions as s', 's.id', 'b.session_id')
    .innerJoin('lrn_courses as c', 'c.id', 's.course_id')
    .innerJoin('staff', 'staff.id', 'b.staff_id')
    .leftJoin('teams', 'teams.id', 'staff.team_id')
    .select(['staff.id', 'staff.name', 'c.title', 'p.day'])
    .where('a.outcome', '=', 'no-show')
    .where('p.day', '>=', since)
    .where('staff.id', '!=', readerId)
    .where((eb) => inScope(eb, scope, { team: 'staff.team_id', service: 'teams.service_id' }))
    .orderBy('p.day', 'desc')
    .execute();
}

/** Requests for places from people in scope, oldest first. */
export async function requestsToApprove(db: DbOrTrx, scope: ListScope, approverId: string) {
  if (scope.kind === 'none') return [];
  return (
    db
      .selectFrom('lrn_bookings as b')
      .innerJoin('lrn_sessions as s', 's.id', 'b.session_id')
      .innerJoin('lrn_courses as c', 'c.id', 's.course_id')
      .innerJoin('staff', 'staff.id', 'b.staff_id')
      .leftJoin('teams', 'teams.id', 'staff.team_id')
      .select(['b.session_id', 'staff.name', 'c.title'])
      .where('b.status', '=', 'requested')
      // Nobody approves their own request (the policy's rule), so their own is not listed for them.
      .where('b.staff_id', '!=', approverId)
      .where((eb) => inScope(eb, scope, { team: 'staff.team_id', service: 'teams.service_id' }))
      .orderBy('b.created_at')
      .execute()
  );
}
