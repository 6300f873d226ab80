import type { DbOrTrx } from '../platform/db/db.ts';
import type { LrnAttendanceTable, LrnCpdTable } from './schema.ts';

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

export async function partOfSession(db: DbOrTrx, sessionId: string, partId: string) {
  return db
    .selectFrom('lrn_session_parts')
    .selectAll()
    .where('id', '=', partId)
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
}

/** The places booked on a session (not waiting, asked for or cancelled). */
export async function bookedPlaces(db: DbOrTrx, sessionId: string) {
  return db
    .selectFrom('lrn_bookings')
    .select(['id', 'staff_id'])
    .where('session_id', '=', sessionId)
    .where('status', '=', 'booked')
    .execute();
}

/** Records what happened on one day for one place, replacing what was marked before. */
export async function saveMark(db: DbOrTrx, mark: LrnAttendanceTable) {
  await db
    .deleteFrom('lrn_attendance')
    .where('booking_id', '=', mark.booking_id)
    .where('part_id', '=', mark.part_id)
    .execute();
  await db.insertInto('lrn_attendance').values(mark).execute();
}

/** How many days of its session a place attended in full. */
export async function daysAttended(db: DbOrTrx, bookingId: string): Promise<number> {
  const rows = await db
    .selectFrom('lrn_attendance')
    .select('outcome')
    .where('booking_id', '=', bookingId)
    .where('outcome', '=', 'attended')
    .execute();
  return rows.length;
}

export async function hasCpdEntry(db: DbOrTrx, bookingId: string): Promise<boolean> {
  const row = await db
    .selectFrom('lrn_cpd')
    .select('id')
    .where('booking_id', '=', bookingId)
    .executeTakeFirst();
  return !!row;
}

export async function insertCpdEntry(db: DbOrTrx, row: LrnCpdTable) {
  await db.insertInto('lrn_cpd').values(row).execute();
}
