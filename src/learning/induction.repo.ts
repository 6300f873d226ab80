import type { DbOrTrx } from '../platform/db/db.ts';

/**
 * Which of these people have completed an induction: attended every day of a
 * session of a course in the "Induction" category, as the register shows.
 */
export async function inductedAmong(db: DbOrTrx, staffIds: string[]): Promise<Set<string>> {
  if (!staffIds.length) return new Set();
  const attended = await db
    .selectFrom('lrn_attendance as a')
    .innerJoin('lrn_bookings as b', 'b.id', 'a.booking_id')
    .innerJoin('lrn_sessions as s', 's.id', 'b.session_id')
    .innerJoin('lrn_courses as c', 'c.id', 's.course_id')
    .select(['b.staff_id', 'b.session_id', (eb) => eb.fn.countAll<number>().as('days')])
    .where('b.staff_id', 'in', staffIds)
    .where('a.outcome', '=', 'attended')
    .where('c.category', '=', 'Induction')
    .groupBy(['b.staff_id', 'b.session_id'])
    .execute();
  if (!attended.length) return new Set();
  const parts = await db
    .selectFrom('lrn_session_parts')
    .select(['session_id', (eb) => eb.fn.countAll<number>().as('days')])
    .where(
      'session_id',
      'in',
      attended.map((r) => r.session_id),
    )
    .groupBy('session_id')
    .execute();
  const daysOf = new Map(parts.map((p) => [p.session_id, Number(p.days)]));
  return new Set(
    attended.filter((r) => Number(r.days) >= (daysOf.get(r.session_id) ?? Infinity)).map((r) => r.staff_id),
  );
}
