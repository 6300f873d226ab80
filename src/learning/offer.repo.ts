import { sql } from 'kysely';
import type { DbOrTrx } from '../platform/db/db.ts';
import { newId } from '../platform/ids.ts';
import { londonInstant } from './london-time.ts';
import type { LrnCoursesTable } from './schema.ts';

export type NewCourse = Partial<Omit<LrnCoursesTable, 'id' | 'created_at' | 'updated_at'>> & {
  title: string;
};

export async function insertCourse(db: DbOrTrx, at: string, c: NewCourse): Promise<string> {
  const id = newId();
  await db
    .insertInto('lrn_courses')
    .values({
      id,
      title: c.title,
      summary: c.summary ?? '',
      description: c.description ?? '',
      category: c.category ?? '',
      audience: c.audience ?? 'everyone',
      provider_kind: c.provider_kind ?? 'internal',
      provider_name: c.provider_name ?? '',
      provider_link: c.provider_link ?? null,
      provider_instructions: c.provider_instructions ?? '',
      mandatory: c.mandatory ?? 0,
      needs_approval: c.needs_approval ?? 0,
      outcomes: c.outcomes ?? '',
      focus_month: c.focus_month ?? null,
      you_said_we_did: c.you_said_we_did ?? '',
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

/** A dated part as planned: a London day and times; no end time means "to be confirmed". */
export interface PartInput {
  day: string;
  start: string | null;
  end: string | null;
}

export interface NewSession {
  courseId: string;
  label?: string;
  capacity: number | null;
  venue?: string;
  onlineLink?: string | null;
  trainers?: string;
  signupOpensAt?: string | null;
  signupClosesAt?: string | null;
  cancelCutoffHours?: number;
  offerWindowDays?: number;
  holdHours?: number;
  parts: PartInput[];
}

export const partInstants = (p: PartInput) => ({
  starts_at: londonInstant(p.day, p.start ?? '00:00'),
  ends_at: p.end ? londonInstant(p.day, p.end) : null,
});

export async function insertSession(db: DbOrTrx, at: string, s: NewSession): Promise<string> {
  const id = newId();
  const parts = [...s.parts].sort((a, b) => (a.day + (a.start ?? '')).localeCompare(b.day + (b.start ?? '')));
  await db
    .insertInto('lrn_sessions')
    .values({
      id,
      course_id: s.courseId,
      label: s.label ?? '',
      capacity: s.capacity,
      venue: s.venue ?? '',
      online_link: s.onlineLink ?? null,
      trainers: s.trainers ?? '',
      starts_at: parts[0] ? partInstants(parts[0]).starts_at : null,
      signup_opens_at: s.signupOpensAt ?? null,
      signup_closes_at: s.signupClosesAt ?? null,
      cancel_cutoff_hours: s.cancelCutoffHours ?? 24,
      offer_window_days: s.offerWindowDays ?? 1,
      hold_hours: s.holdHours ?? 4,
      status: 'scheduled',
      sequence: 0,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await replaceParts(db, id, parts);
  return id;
}

export async function replaceParts(db: DbOrTrx, sessionId: string, parts: PartInput[]) {
  await db.deleteFrom('lrn_session_parts').where('session_id', '=', sessionId).execute();
  if (!parts.length) return;
  await db
    .insertInto('lrn_session_parts')
    .values(
      parts.map((p) => ({
        id: newId(),
        session_id: sessionId,
        day: p.day,
        start_time: p.start,
        end_time: p.end,
        ...partInstants(p),
      })),
    )
    .execute();
}

/** Saves the changes to a course; false when there is no such course. */
export async function updateCourse(db: DbOrTrx, id: string, at: string, c: NewCourse): Promise<boolean> {
  const r = await db
    .updateTable('lrn_courses')
    .set({ ...c, updated_at: at })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function courseTitle(db: DbOrTrx, id: string) {
  return db.selectFrom('lrn_courses').select(['id', 'title']).where('id', '=', id).executeTakeFirst();
}

/** The active people who asked to hear when the course has dates and have not been told yet. */
export async function interestNotYetTold(db: DbOrTrx, courseId: string) {
  return db
    .selectFrom('lrn_interest')
    .innerJoin('staff', 'staff.id', 'lrn_interest.staff_id')
    .select(['staff.id', 'staff.name', 'staff.email'])
    .where('lrn_interest.course_id', '=', courseId)
    .where('lrn_interest.notified_at', 'is', null)
    .where('staff.active', '=', 1)
    .execute();
}

export async function markInterestTold(db: DbOrTrx, courseId: string, at: string) {
  await db
    .updateTable('lrn_interest')
    .set({ notified_at: at })
    .where('course_id', '=', courseId)
    .where('notified_at', 'is', null)
    .execute();
}

/** A session's settings as saved by a change. */
export interface SessionSettings {
  label: string;
  capacity: number | null;
  venue: string;
  onlineLink: string | null;
  trainers: string;
  signupOpensAt: string | null;
  signupClosesAt: string | null;
  cancelCutoffHours: number;
  offerWindowDays: number;
  holdHours: number;
  startsAt: string | null;
}

/** Saves a session's settings; a change of days or times also raises its SEQUENCE. */
export async function updateSession(
  db: DbOrTrx,
  sessionId: string,
  at: string,
  s: SessionSettings,
  timesChanged: boolean,
) {
  await db
    .updateTable('lrn_sessions')
    .set({
      label: s.label,
      capacity: s.capacity,
      venue: s.venue,
      online_link: s.onlineLink,
      trainers: s.trainers,
      signup_opens_at: s.signupOpensAt,
      signup_closes_at: s.signupClosesAt,
      cancel_cutoff_hours: s.cancelCutoffHours,
      offer_window_days: s.offerWindowDays,
      hold_hours: s.holdHours,
      starts_at: s.startsAt,
      updated_at: at,
      ...(timesChanged ? { sequence: sql<number>`sequence + 1` } : {}),
    })
    .where('id', '=', sessionId)
    .execute();
}

/** Keeps each part's id (so each calendar entry's UID) while its day or time changes. */
export async function updatePartsInPlace(
  db: DbOrTrx,
  sessionId: string,
  old: { id: string }[],
  parts: PartInput[],
) {
  for (const [i, p] of parts.entries()) {
    const values = { day: p.day, start_time: p.start, end_time: p.end, ...partInstants(p) };
    if (old[i]) await db.updateTable('lrn_session_parts').set(values).where('id', '=', old[i]!.id).execute();
    else
      await db
        .insertInto('lrn_session_parts')
        .values({ id: newId(), session_id: sessionId, ...values })
        .execute();
  }
  for (const gone of old.slice(parts.length))
    await db.deleteFrom('lrn_session_parts').where('id', '=', gone.id).execute();
}

export async function markSessionCancelled(db: DbOrTrx, sessionId: string, at: string) {
  await db
    .updateTable('lrn_sessions')
    .set({ status: 'cancelled', sequence: sql<number>`sequence + 1`, updated_at: at })
    .where('id', '=', sessionId)
    .execute();
}

/** A place on a cancelled session: cancelled, with any offer withdrawn. */
export async function cancelPlaceOfCancelledSession(db: DbOrTrx, bookingId: string, at: string) {
  await db
    .updateTable('lrn_bookings')
    .set({ status: 'cancelled', updated_at: at, offer_expires_at: null })
    .where('id', '=', bookingId)
    .execute();
}
