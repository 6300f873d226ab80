import { sql } from 'kysely';
import { type Actor, recordAudit } from '../platform/audit/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { DbOrTrx } from '../platform/db/db.ts';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { newId } from '../platform/ids.ts';
import { enqueueMail } from '../platform/mail/outbox.ts';
import { activePlaces, lockSession, partsOf } from './booking.repo.ts';
import { placesTaken } from './booking.rules.ts';
import { type BookingCtx, fillFreedPlaces } from './booking.service.ts';
import { whenText } from './catalogue.presenter.ts';
import { notifyPlace, ORGANISER } from './notify.ts';
import {
  insertCourse,
  insertSession,
  type NewCourse,
  type NewSession,
  type PartInput,
  partInstants,
} from './offer.repo.ts';

/** L&D add or change a course. */
export async function saveCourse(
  ctx: BookingCtx,
  actor: Actor,
  id: string | null,
  course: NewCourse,
): Promise<string> {
  return ctx.db.transaction().execute(async (trx) => {
    const at = ctx.clock.now().toISOString();
    let courseId = id;
    if (id) {
      const r = await trx
        .updateTable('lrn_courses')
        .set({ ...course, updated_at: at })
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw new NotFoundError('course');
    } else courseId = await insertCourse(trx, at, course);
    await recordAudit(trx, ctx.clock, actor, {
      action: id ? 'update' : 'create',
      recordType: 'course',
      recordId: courseId,
      summary: `Saved course ${course.title}`,
    });
    return courseId!;
  });
}

/** Adds a dated session; everyone who registered interest in the course is told, once. */
export async function addSession(ctx: BookingCtx, actor: Actor, session: NewSession): Promise<string> {
  return ctx.db.transaction().execute(async (trx) => {
    const course = await trx
      .selectFrom('lrn_courses')
      .select(['id', 'title'])
      .where('id', '=', session.courseId)
      .executeTakeFirst();
    if (!course) throw new NotFoundError('course');
    const at = ctx.clock.now().toISOString();
    const id = await insertSession(trx, at, session);
    await recordAudit(trx, ctx.clock, actor, {
      action: 'create',
      recordType: 'session',
      recordId: id,
      summary: `Added a session of ${course.title}`,
    });
    await tellInterested(trx, ctx.clock, course, id, whenText(await partsOf(trx, id)));
    return id;
  });
}

async function tellInterested(
  trx: DbOrTrx,
  clock: Clock,
  course: { id: string; title: string },
  sessionId: string,
  when: string,
) {
  const waiting = await trx
    .selectFrom('lrn_interest')
    .innerJoin('staff', 'staff.id', 'lrn_interest.staff_id')
    .select(['staff.id', 'staff.name', 'staff.email'])
    .where('lrn_interest.course_id', '=', course.id)
    .where('lrn_interest.notified_at', 'is', null)
    .where('staff.active', '=', 1)
    .execute();
  for (const p of waiting)
    await enqueueMail(trx, clock, {
      to: p.email,
      subject: `Dates added: ${course.title}`,
      text: `Dear ${p.name},\n\nYou asked to hear when ${course.title} has dates. It now has a session: ${when}.\n\nBook it here: /learning/sessions/${sessionId}\n\n${ORGANISER.name}`,
    });
  if (waiting.length)
    await trx
      .updateTable('lrn_interest')
      .set({ notified_at: clock.now().toISOString() })
      .where('course_id', '=', course.id)
      .where('notified_at', 'is', null)
      .execute();
}

export interface SessionChange extends Omit<NewSession, 'courseId'> {}

/**
 * Changes a session. A change of days or times raises its SEQUENCE and sends
 * every booked person an updated invite; more places go to the people waiting.
 * Fewer places than people booked is refused: cancel places first.
 */
export async function changeSession(ctx: BookingCtx, actor: Actor, sessionId: string, change: SessionChange) {
  return ctx.db.transaction().execute(async (trx) => {
    const s = await lockSession(trx, ctx.dialect, sessionId);
    if (!s) throw new NotFoundError('session');
    if (s.status === 'cancelled')
      throw new UserInputError('This session has been cancelled, so it cannot be changed.', 'capacity');
    const places = await activePlaces(trx, sessionId);
    if (change.capacity !== null && placesTaken(places) > change.capacity)
      throw new UserInputError(
        `${placesTaken(places)} people have places, more than ${change.capacity}. Cancel places first, or keep more places.`,
        'capacity',
      );
    const old = await partsOf(trx, sessionId);
    const sorted = [...change.parts].sort((a, b) => a.day.localeCompare(b.day));
    const timesChanged =
      old.length !== sorted.length ||
      old.some(
        (p, i) =>
          p.day !== sorted[i]!.day || p.start_time !== sorted[i]!.start || p.end_time !== sorted[i]!.end,
      );
    const at = ctx.clock.now().toISOString();
    if (timesChanged) await updatePartsInPlace(trx, sessionId, old, sorted);
    await trx
      .updateTable('lrn_sessions')
      .set({
        label: change.label ?? '',
        capacity: change.capacity,
        venue: change.venue ?? '',
        online_link: change.onlineLink ?? null,
        trainers: change.trainers ?? '',
        signup_opens_at: change.signupOpensAt ?? null,
        signup_closes_at: change.signupClosesAt ?? null,
        cancel_cutoff_hours: change.cancelCutoffHours ?? s.cancel_cutoff_hours,
        offer_window_days: change.offerWindowDays ?? s.offer_window_days,
        hold_hours: change.holdHours ?? s.hold_hours,
        starts_at: sorted[0] ? partInstants(sorted[0]).starts_at : null,
        updated_at: at,
        ...(timesChanged ? { sequence: sql<number>`sequence + 1` } : {}),
      })
      .where('id', '=', sessionId)
      .execute();
    await recordAudit(trx, ctx.clock, actor, {
      action: 'update',
      recordType: 'session',
      recordId: sessionId,
      summary: timesChanged ? 'Changed the days or times of a session' : 'Changed a session',
    });
    if (timesChanged)
      for (const p of places.filter((x) => x.status === 'booked'))
        await notifyPlace(trx, ctx.clock, 'session-changed', p.id);
    await fillFreedPlaces(trx, ctx, (await lockSession(trx, ctx.dialect, sessionId))!);
    return { timesChanged, told: timesChanged ? places.filter((x) => x.status === 'booked').length : 0 };
  });
}

/** Keeps each part's id (so each calendar entry's UID) while its day or time changes. */
async function updatePartsInPlace(
  trx: DbOrTrx,
  sessionId: string,
  old: { id: string }[],
  parts: PartInput[],
) {
  for (const [i, p] of parts.entries()) {
    const values = { day: p.day, start_time: p.start, end_time: p.end, ...partInstants(p) };
    if (old[i]) await trx.updateTable('lrn_session_parts').set(values).where('id', '=', old[i]!.id).execute();
    else
      await trx
        .insertInto('lrn_session_parts')
        .values({ id: newId(), session_id: sessionId, ...values })
        .execute();
  }
  for (const gone of old.slice(parts.length))
    await trx.deleteFrom('lrn_session_parts').where('id', '=', gone.id).execute();
}

/** Cancels a session: every booked person gets a cancellation for their calendar; everyone waiting is told. */
export async function cancelSession(ctx: BookingCtx, actor: Actor, sessionId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const s = await lockSession(trx, ctx.dialect, sessionId);
    if (!s) throw new NotFoundError('session');
    if (s.status === 'cancelled') throw new UserInputError('This session is already cancelled.', 'cancel');
    const at = ctx.clock.now().toISOString();
    await trx
      .updateTable('lrn_sessions')
      .set({ status: 'cancelled', sequence: sql<number>`sequence + 1`, updated_at: at })
      .where('id', '=', sessionId)
      .execute();
    const places = await activePlaces(trx, sessionId);
    for (const p of places) {
      await trx
        .updateTable('lrn_bookings')
        .set({ status: 'cancelled', updated_at: at, offer_expires_at: null })
        .where('id', '=', p.id)
        .execute();
      await notifyPlace(trx, ctx.clock, 'session-cancelled', p.id, { noInvite: p.status !== 'booked' });
    }
    await recordAudit(trx, ctx.clock, actor, {
      action: 'update',
      recordType: 'session',
      recordId: sessionId,
      summary: `Cancelled a session; ${places.length} people told`,
    });
    return places.length;
  });
}
