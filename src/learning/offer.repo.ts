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
