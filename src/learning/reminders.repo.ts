import type { DbOrTrx } from '../platform/db/db.ts';

/** Booked places with a day of a scheduled session after `today` and up to `until`, one row per day. */
export async function placesWithDaysBetween(db: DbOrTrx, today: string, until: string) {
  return db
    .selectFrom('lrn_bookings as b')
    .innerJoin('lrn_sessions as s', 's.id', 'b.session_id')
    .innerJoin('lrn_session_parts as p', 'p.session_id', 's.id')
    .select(['b.id', 'p.day'])
    .where('b.status', '=', 'booked')
    .where('s.status', '=', 'scheduled')
    .where('p.day', '>', today)
    .where('p.day', '<=', until)
    .execute();
}

/** Bookings whose evaluation was asked for (attending made a CPD entry) by `cutoff` and is still unanswered. */
export async function unansweredEvaluations(db: DbOrTrx, cutoff: string): Promise<string[]> {
  const rows = await db
    .selectFrom('lrn_cpd as c')
    .innerJoin('lrn_bookings as b', 'b.id', 'c.booking_id')
    .leftJoin('lrn_evaluations as e', 'e.booking_id', 'b.id')
    .select('b.id')
    .where('e.id', 'is', null)
    .where('c.created_at', '<=', cutoff)
    .execute();
  return rows.map((r) => r.id);
}

export async function bookingStatus(db: DbOrTrx, bookingId: string) {
  const row = await db
    .selectFrom('lrn_bookings')
    .select('status')
    .where('id', '=', bookingId)
    .executeTakeFirst();
  return row?.status ?? null;
}

/** A person, a module and their latest completion of it, for an e-learning reminder. */
export async function elearningReminderFacts(db: DbOrTrx, staffId: string, moduleId: string) {
  const [person, module, last] = await Promise.all([
    db.selectFrom('staff').select(['name', 'email', 'active']).where('id', '=', staffId).executeTakeFirst(),
    db.selectFrom('lrn_modules').selectAll().where('id', '=', moduleId).executeTakeFirst(),
    db
      .selectFrom('lrn_completions')
      .select('completed_on')
      .where('staff_id', '=', staffId)
      .where('module_id', '=', moduleId)
      .orderBy('completed_on', 'desc')
      .executeTakeFirst(),
  ]);
  return { person, module, lastCompleted: last?.completed_on ?? null };
}
