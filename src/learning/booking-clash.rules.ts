import { partEndsAt, sessionIsOver, type TimedPart } from './attendance.rules.ts';
import { whenText } from './catalogue.presenter.ts';

/**
 * What a person is told before they book (pure): that they already hold a
 * place on another session of the same course still to come, or on a session
 * whose times overlap this one. Neither stops the booking — someone may mean
 * to go twice, or leave one early — but both are easy slips to make.
 * A part with no times takes its whole London day.
 */
export interface ClashPart extends TimedPart {
  starts_at: string;
  end_time: string | null;
}

export interface HeldSession {
  session_id: string;
  course_id: string;
  title: string;
  parts: ClashPart[];
}

const overlaps = (a: ClashPart, b: ClashPart) => a.starts_at < partEndsAt(b) && b.starts_at < partEndsAt(a);

export function bookingClashes(
  session: { id: string; course_id: string; parts: ClashPart[] },
  held: HeldSession[],
  now: string,
) {
  const others = held.filter((h) => h.session_id !== session.id);
  return {
    sameCourse: others.filter((h) => h.course_id === session.course_id && !sessionIsOver(h.parts, now)),
    overlapping: others.filter((h) => h.parts.some((p) => session.parts.some((q) => overlaps(p, q)))),
  };
}

export type Clashes = ReturnType<typeof bookingClashes>;

/** The clashes as sentences, one per session, the same course first. */
export function clashSentences(c: Clashes): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const h of c.sameCourse) {
    seen.add(h.session_id);
    out.push(`You already have a place on another session of ${h.title}: ${whenText(h.parts)}.`);
  }
  for (const h of c.overlapping)
    if (!seen.has(h.session_id))
      out.push(`This session overlaps with ${h.title}, which you have a place on: ${whenText(h.parts)}.`);
  return out;
}
