import { type Actor, recordAudit } from '../platform/audit/audit.ts';
import { loadWorkingCalendar } from '../platform/calendar/closure-days.repo.ts';
import { londonDay } from '../platform/calendar/days.ts';
import type { Clock } from '../platform/clock.ts';
import type { DbOrTrx } from '../platform/db/db.ts';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { composeMessage, mailLayout } from '../platform/mail/message.ts';
import { enqueueMail } from '../platform/mail/outbox.ts';
import { activePlaces, lockSession, partsOf } from './booking.repo.ts';
import { placesTaken } from './booking.rules.ts';
import { type BookingCtx, fillFreedPlaces } from './booking.service.ts';
import { whenText } from './catalogue.presenter.ts';
import { type MailCtx, notifyPlace, ORGANISER } from './notify.ts';
import {
  cancelPlaceOfCancelledSession,
  courseTitle,
  insertCourse,
  insertSession,
  interestNotYetTold,
  markInterestTold,
  markSessionCancelled,
  type NewCourse,
  type NewSession,
  partInstants,
  updateCourse,
  updatePartsInPlace,
  updateSession,
} from './offer.repo.ts';
import { datesAddedMessage } from './place-message.presenter.ts';
import { nonWorkingDays, nonWorkingMessage, pastDay, pastDayMessage } from './session-dates.rules.ts';

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
      if (!(await updateCourse(trx, id, at, course))) throw new NotFoundError('course');
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

/** What the session form asks before a session is saved (see session-dates.rules.ts). */
export interface DayChecks {
  /** The form row of each day, sorted as the parts are, so a refusal points at its field. */
  rows: number[];
  /** L&D confirmed that the session is meant to be on days nobody works. */
  confirmNonWorking: boolean;
}

/**
 * Refuses days nobody works unless L&D confirmed them (only days new to the
 * session are asked about), and, for a new session, days in the past.
 */
async function checkDays(
  trx: DbOrTrx,
  clock: Clock,
  days: string[],
  checks: DayChecks,
  already: string[] | null,
) {
  if (already === null) {
    const past = pastDay(
      days.map((day) => ({ day })),
      checks.rows,
      londonDay(clock.now()),
    );
    if (past) throw new UserInputError(pastDayMessage(past.day), `day-${past.row}-day`);
  }
  if (checks.confirmNonWorking) return;
  const off = nonWorkingDays(
    days.filter((d) => !already?.includes(d)),
    await loadWorkingCalendar(trx),
  );
  if (off.length) throw new UserInputError(nonWorkingMessage(off), 'confirmNonWorking');
}

const NO_CHECKS: DayChecks = { rows: [], confirmNonWorking: true };

/** Adds a dated session; everyone who registered interest in the course is told, once. */
export async function addSession(
  ctx: BookingCtx,
  actor: Actor,
  session: NewSession,
  checks: DayChecks = NO_CHECKS,
): Promise<string> {
  return ctx.db.transaction().execute(async (trx) => {
    const course = await courseTitle(trx, session.courseId);
    if (!course) throw new NotFoundError('course');
    await checkDays(
      trx,
      ctx.clock,
      session.parts.map((p) => p.day),
      checks,
      null,
    );
    const at = ctx.clock.now().toISOString();
    const id = await insertSession(trx, at, session);
    await recordAudit(trx, ctx.clock, actor, {
      action: 'create',
      recordType: 'session',
      recordId: id,
      summary: `Added a session of ${course.title}`,
    });
    await tellInterested(trx, ctx, course, id, whenText(await partsOf(trx, id)));
    return id;
  });
}

async function tellInterested(
  trx: DbOrTrx,
  ctx: MailCtx,
  course: { id: string; title: string },
  sessionId: string,
  when: string,
) {
  const waiting = await interestNotYetTold(trx, course.id);
  const layout = mailLayout(ctx.config);
  for (const p of waiting) {
    const content = datesAddedMessage(p, course, `/learning/sessions/${sessionId}`, when, ORGANISER.name);
    await enqueueMail(trx, ctx.clock, await composeMessage(content, layout));
  }
  if (waiting.length) await markInterestTold(trx, course.id, ctx.clock.now().toISOString());
}

export interface SessionChange extends Omit<NewSession, 'courseId'> {}

/**
 * Changes a session. A change of days or times raises its SEQUENCE and sends
 * every booked person an updated invite; more places go to the people waiting.
 * Fewer places than people booked is refused: cancel places first.
 */
export async function changeSession(
  ctx: BookingCtx,
  actor: Actor,
  sessionId: string,
  change: SessionChange,
  checks: DayChecks = NO_CHECKS,
) {
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
    await checkDays(
      trx,
      ctx.clock,
      change.parts.map((p) => p.day),
      checks,
      old.map((p) => p.day),
    );
    const sorted = [...change.parts].sort((a, b) => a.day.localeCompare(b.day));
    const timesChanged =
      old.length !== sorted.length ||
      old.some(
        (p, i) =>
          p.day !== sorted[i]!.day || p.start_time !== sorted[i]!.start || p.end_time !== sorted[i]!.end,
      );
    const at = ctx.clock.now().toISOString();
    if (timesChanged) await updatePartsInPlace(trx, sessionId, old, sorted);
    await updateSession(
      trx,
      sessionId,
      at,
      {
        label: change.label ?? '',
        capacity: change.capacity,
        venue: change.venue ?? '',
        onlineLink: change.onlineLink ?? null,
        trainers: change.trainers ?? '',
        signupOpensAt: change.signupOpensAt ?? null,
        signupClosesAt: change.signupClosesAt ?? null,
        cancelCutoffHours: change.cancelCutoffHours ?? s.cancel_cutoff_hours,
        offerWindowDays: change.offerWindowDays ?? s.offer_window_days,
        holdHours: change.holdHours ?? s.hold_hours,
        startsAt: sorted[0] ? partInstants(sorted[0]).starts_at : null,
      },
      timesChanged,
    );
    await recordAudit(trx, ctx.clock, actor, {
      action: 'update',
      recordType: 'session',
      recordId: sessionId,
      summary: timesChanged ? 'Changed the days or times of a session' : 'Changed a session',
    });
    if (timesChanged)
      for (const p of places.filter((x) => x.status === 'booked'))
        await notifyPlace(trx, ctx, 'session-changed', p.id);
    await fillFreedPlaces(trx, ctx, (await lockSession(trx, ctx.dialect, sessionId))!);
    return { timesChanged, told: timesChanged ? places.filter((x) => x.status === 'booked').length : 0 };
  });
}

/** Cancels a session: every booked person gets a cancellation for their calendar; everyone waiting is told. */
export async function cancelSession(ctx: BookingCtx, actor: Actor, sessionId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const s = await lockSession(trx, ctx.dialect, sessionId);
    if (!s) throw new NotFoundError('session');
    if (s.status === 'cancelled') throw new UserInputError('This session is already cancelled.', 'cancel');
    const at = ctx.clock.now().toISOString();
    await markSessionCancelled(trx, sessionId, at);
    const places = await activePlaces(trx, sessionId);
    for (const p of places) {
      await cancelPlaceOfCancelledSession(trx, p.id, at);
      await notifyPlace(trx, ctx, 'session-cancelled', p.id, { noInvite: p.status !== 'booked' });
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
