import { type Actor, recordAudit } from '../platform/audit/audit.ts';
import type { Db } from '../platform/db/db.ts';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { newId } from '../platform/ids.ts';
import {
  bookedPlaces,
  daysAttended,
  hasCpdEntry,
  insertCpdEntry,
  partOfSession,
  registerPeople,
  saveMark,
} from './attendance.repo.ts';
import { courseOfSession, partsOf } from './booking.repo.ts';
import { type MailCtx, notifyPlace } from './notify.ts';
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
    const course = await courseOfSession(trx, sessionId);
    for (const b of booked) {
      if ((await daysAttended(trx, b.id)) < parts.length) continue;
      if (await hasCpdEntry(trx, b.id)) continue;
      await insertCpdEntry(trx, {
        id: newId(),
        staff_id: b.staff_id,
        booking_id: b.id,
        title: course.title,
        day: part.day,
        reflection: '',
        peer_reflected: 0,
        created_at: at,
        updated_at: at,
      });
      await notifyPlace(trx, ctx, 'evaluation', b.id);
    }
  });
}
