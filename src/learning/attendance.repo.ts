import type { DbOrTrx } from '../platform/db/db.ts';

/** The people with a place on a session, by name, with what the register says for one of its days. */
export async function registerPeople(db: DbOrTrx, sessionId: string, partId: string | undefined) {
  return db
    .selectFrom('lrn_bookings as b')
    .innerJoin('staff', 'staff.id', 'b.staff_id')
    .leftJoin('teams', 'teams.id', 'staff.team_id')
    .leftJoin('lrn_attendance as a', (j) =>
      j.onRef('a.booking_id', '=', 'b.id').on('a.part_id', '=', partId ?? ''),
    )
    .select(['b.id', 'staff.name', 'teams.name as team', 'a.outcome', 'a.notes'])
    .where('b.session_id', '=', sessionId)
    .where('b.status', '=', 'booked')
    .orderBy('staff.name')
    .execute();
}
