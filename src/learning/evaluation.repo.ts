import type { DbOrTrx } from '../platform/db/db.ts';
import type { LrnEvaluationsTable } from './schema.ts';

/** A booking with its course's title, for its evaluation form. */
export async function bookingToEvaluate(db: DbOrTrx, bookingId: string) {
  return db
    .selectFrom('lrn_bookings as b')
    .innerJoin('lrn_sessions as s', 's.id', 'b.session_id')
    .innerJoin('lrn_courses as c', 'c.id', 's.course_id')
    .select(['b.id', 'b.staff_id', 'b.session_id', 'c.title'])
    .where('b.id', '=', bookingId)
    .executeTakeFirst();
}

export async function hasEvaluation(db: DbOrTrx, bookingId: string): Promise<boolean> {
  const row = await db
    .selectFrom('lrn_evaluations')
    .select('id')
    .where('booking_id', '=', bookingId)
    .executeTakeFirst();
  return !!row;
}

/** Whether the register shows the booking attended, wholly or in part, on any day. */
export async function hasAttended(db: DbOrTrx, bookingId: string): Promise<boolean> {
  const row = await db
    .selectFrom('lrn_attendance')
    .select('outcome')
    .where('booking_id', '=', bookingId)
    .where('outcome', 'in', ['attended', 'partial'])
    .executeTakeFirst();
  return !!row;
}

export async function insertEvaluation(db: DbOrTrx, row: LrnEvaluationsTable) {
  await db.insertInto('lrn_evaluations').values(row).execute();
}

/** What the results are of: one session, or every session of a course. */
export type EvaluationScope = 'sessions' | 'courses';

const scopeColumn = (scope: EvaluationScope) =>
  scope === 'sessions' ? ('s.id' as const) : ('s.course_id' as const);

/** The course (and, for a session, its start) the results are about; a course with no session has none. */
export async function evaluationSubject(db: DbOrTrx, scope: EvaluationScope, id: string) {
  return db
    .selectFrom('lrn_sessions as s')
    .innerJoin('lrn_courses as c', 'c.id', 's.course_id')
    .select(['c.id as course_id', 'c.title', 's.starts_at'])
    .where(scope === 'sessions' ? 's.id' : 'c.id', '=', id)
    .executeTakeFirst();
}

/** The answers given, oldest first. */
export async function evaluationAnswers(db: DbOrTrx, scope: EvaluationScope, id: string) {
  return db
    .selectFrom('lrn_evaluations as e')
    .innerJoin('lrn_sessions as s', 's.id', 'e.session_id')
    .select([
      'e.content',
      'e.trainer',
      'e.relevance',
      'e.differently',
      'e.better',
      'e.created_at',
      's.starts_at',
    ])
    .where(scopeColumn(scope), '=', id)
    .orderBy('e.created_at')
    .execute();
}

export type EvaluationAnswer = Awaited<ReturnType<typeof evaluationAnswers>>[number];

/** How many places were attended (wholly or in part), so the response rate can be given. */
export async function attendedPlaces(db: DbOrTrx, scope: EvaluationScope, id: string): Promise<number> {
  const rows = await db
    .selectFrom('lrn_attendance as a')
    .innerJoin('lrn_bookings as b', 'b.id', 'a.booking_id')
    .innerJoin('lrn_sessions as s', 's.id', 'b.session_id')
    .select('b.id')
    .distinct()
    .where(scopeColumn(scope), '=', id)
    .where('a.outcome', 'in', ['attended', 'partial'])
    .execute();
  return rows.length;
}
