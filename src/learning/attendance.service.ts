import { type Actor, recordAudit } from '../platform/audit/audit.ts';
import { londonDay } from '../platform/calendar/days.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, DbOrTrx } from '../platform/db/db.ts';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { newId } from '../platform/ids.ts';
import { enqueueJob } from '../platform/jobs/jobs.ts';
import { formatDateWithWeekday } from '../platform/views/format.ts';
import {
  bookedPlaces,
  daysAttended,
  hasCpdEntry,
  insertCpdEntry,
  partOfSession,
  registerPeople,
  saveMark,
} from './attendance.repo.ts';
import {
  attendedInFull,
  defaultRegisterPart,
  registerIsOpen,
  sessionEndsAt,
  sessionIsOver,
} from './attendance.rules.ts';
import { courseOfSession, partsOf } from './booking.repo.ts';
import { type MailCtx, notifyPlace } from './notify.ts';
import { getSessionWithCourse } from './session.repo.ts';

export const OUTCOMES = ['attended', 'partial', 'no-show'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The job that asks attendees to evaluate once a session is over (the register may be saved before its end). */
export const AFTER_SESSION = 'learning:after-session';

/**
 * A session's days and, for the chosen day (else the latest day already
 * open), who is booked, what was marked, and whether its register is open today.
 */
export async function registerOf(db: Db, clock: Clock, sessionId: string, partId?: string) {
  const s = await getSessionWithCourse(db, sessionId);
  if (!s) throw new NotFoundError('session');
  const parts = await partsOf(db, sessionId);
  const today = londonDay(clock.now());
  const part = parts.find((p) => p.id === partId) ?? defaultRegisterPart(parts, today);
  const people = await registerPeople(db, sessionId, part?.id);
  return { s, parts, part, people, today, open: part ? registerIsOpen(part, today) : false };
}

export type RegisterData = Awaited<ReturnType<typeof registerOf>>;

/**
 * Saves one day's register, from that day on (never before it). A programme
 * is complete only when every day is attended in full; once its last day has
 * ended, each such person gets a CPD entry and is asked to evaluate, once. A
 * register saved before the end leaves that to a job at the end.
 */
export async function saveRegister(
  db: Db,
  ctx: MailCtx,
  actor: Actor,
  sessionId: string,
  partId: string,
  marks: { bookingId: string; outcome: Outcome; notes: string }[],
) {
  const { clock } = ctx;
  await db.transaction().execute(async (trx) => {
    const part = await partOfSession(trx, sessionId, partId);
    if (!part) throw new UserInputError('Choose a day of this session.', 'part');
    if (!registerIsOpen(part, londonDay(clock.now())))
      throw new UserInputError(
        `The register for ${formatDateWithWeekday(part.day)} opens on that day: you cannot mark people before the training has happened.`,
        'main-content',
      );
    const booked = await bookedPlaces(trx, sessionId);
    const ids = new Set(booked.map((b) => b.id));
    for (const m of marks)
      if (!ids.has(m.bookingId))
        throw new UserInputError('Someone on the register no longer has a place.', 'register');
    const at = clock.now().toISOString();
    for (const m of marks)
      await saveMark(trx, {
        booking_id: m.bookingId,
        part_id: partId,
        outcome: m.outcome,
        notes: m.notes,
        recorded_by: actor.id,
        recorded_at: at,
      });
    await recordAudit(trx, clock, actor, {
      action: 'update',
      recordType: 'session',
      recordId: sessionId,
      summary: `Took the register for ${part.day} (${marks.length} people)`,
    });
    const parts = await partsOf(trx, sessionId);
    if (sessionIsOver(parts, at)) await askAttendeesToEvaluate(trx, ctx, sessionId);
    else {
      const end = sessionEndsAt(parts)!;
      await enqueueJob(
        trx,
        clock,
        AFTER_SESSION,
        { sessionId },
        {
          runAt: end,
          uniqueKey: `${AFTER_SESSION}:${sessionId}:${end}`,
        },
      );
    }
  });
}

/**
 * Once a session is over: every place that attended every day in full and has
 * no CPD entry yet gets one (dated the last day) and an evaluation request.
 * Nobody else is asked. Returns how many were asked.
 */
export async function askAttendeesToEvaluate(trx: DbOrTrx, ctx: MailCtx, sessionId: string) {
  const { clock } = ctx;
  const parts = await partsOf(trx, sessionId);
  const at = clock.now().toISOString();
  if (!sessionIsOver(parts, at)) return 0;
  const lastDay = parts
    .map((p) => p.day)
    .sort()
    .at(-1)!;
  const course = await courseOfSession(trx, sessionId);
  let asked = 0;
  for (const b of await bookedPlaces(trx, sessionId)) {
    if (!attendedInFull(await daysAttended(trx, b.id), parts.length)) continue;
    if (await hasCpdEntry(trx, b.id)) continue;
    await insertCpdEntry(trx, {
      id: newId(),
      staff_id: b.staff_id,
      booking_id: b.id,
      title: course.title,
      day: lastDay,
      reflection: '',
      peer_reflected: 0,
      created_at: at,
      updated_at: at,
    });
    await notifyPlace(trx, ctx, 'evaluation', b.id);
    asked++;
  }
  return asked;
}
