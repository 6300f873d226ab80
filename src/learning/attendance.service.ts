import { type Actor, recordAudit } from '../platform/audit/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db/db.ts';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { newId } from '../platform/ids.ts';
import { registerPeople } from './attendance.repo.ts';
import { partsOf } from './booking.repo.ts';
import { notifyPlace } from './notify.ts';
import { getSessionWithCourse } from './session.repo.ts';

export const OUTCOMES = ['attended', 'partial', 'no-show'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** A session's days and, for the chosen day (the first if none is chosen), who is booked and what was marked. */
export async function registerOf(db: Db, sessionId: string, partId?: string) {
  const s = await getSessionWithCourse(db, sessionId);
  if (!s) throw new NotFoundError('session');
  const parts = await partsOf(db, sessionId);
  const part = parts.find((p) => p.id === partId) ?? parts[0];
  const people = await registerPeople(db, sessionId, part?.id);
  return { s, parts, part, people };
}

export type RegisterData = Awaited<ReturnType<typeof registerOf>>;

/**
 * Saves one day's register. A programme is complete only when every day is
 * attended: then the person gets a CPD entry and is asked to evaluate, once.
 */
export async function saveRegister(
  db: Db,
  clock: Clock,
  actor: Actor,
  sessionId: string,
  partId: string,
  marks: { bookingId: string; outcome: Outcome; notes: string }[],
) {
  await db.transaction().execute(async (trx) => {
    const part = await trx
      .selectFrom('lrn_session_parts')
      .selectAll()
      .where('id', '=', partId)
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    if (!part) throw new UserInputError('Choose a day of this session.', 'part');
    const booked = await trx
      .selectFrom('lrn_bookings')
      .select(['id', 'staff_id'])
      .where('session_id', '=', sessionId)
      .where('status', '=', 'booked')
      .execute();
    const ids = new Set(booked.map((b) => b.id));
    for (const m of marks)
      if (!ids.has(m.bookingId))
        throw new UserInputError('Someone on the register no longer has a place.', 'register');
    const at = clock.now().toISOString();
    for (const m of marks) {
      await trx
        .deleteFrom('lrn_attendance')
        .where('booking_id', '=', m.bookingId)
        .where('part_id', '=', partId)
        .execute();
      await trx
        .insertInto('lrn_attendance')
        .values({
          booking_id: m.bookingId,
          part_id: partId,
          outcome: m.outcome,
          notes: m.notes,
          recorded_by: actor.id,
          recorded_at: at,
        })
        .execute();
    }
    await recordAudit(trx, clock, actor, {
      action: 'update',
      recordType: 'session',
      recordId: sessionId,
      summary: `Took the register for ${part.day} (${marks.length} people)`,
    });
    const parts = await trx
      .selectFrom('lrn_session_parts')
      .select('id')
      .where('session_id', '=', sessionId)
      .execute();
    const course = await trx
      .selectFrom('lrn_sessions')
      .innerJoin('lrn_courses', 'lrn_courses.id', 'lrn_sessions.course_id')
      .select(['lrn_courses.title'])
      .where('lrn_sessions.id', '=', sessionId)
      .executeTakeFirstOrThrow();
    for (const b of booked) {
      const days = await trx
        .selectFrom('lrn_attendance')
        .select('outcome')
        .where('booking_id', '=', b.id)
        .where('outcome', '=', 'attended')
        .execute();
      if (days.length < parts.length) continue;
      const exists = await trx
        .selectFrom('lrn_cpd')
        .select('id')
        .where('booking_id', '=', b.id)
        .executeTakeFirst();
      if (exists) continue;
      await trx
        .insertInto('lrn_cpd')
        .values({
          id: newId(),
          staff_id: b.staff_id,
          booking_id: b.id,
          title: course.title,
          day: part.day,
          reflection: '',
          peer_reflected: 0,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await notifyPlace(trx, clock, 'evaluation', b.id);
    }
  });
}
