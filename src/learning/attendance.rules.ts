import { addCalendarDays } from '../platform/calendar/days.ts';
import { londonInstant } from './london-time.ts';

/**
 * When a register may be taken and when a session counts as over. Pure: days
 * are London days ('YYYY-MM-DD'), instants ISO UTC.
 *
 * - The register of a day opens on that day (London time), never before: a
 *   register taken weeks ahead would record people as attending training that
 *   has not happened. It stays open afterwards, for registers taken from the
 *   sign-in sheet.
 * - A session is over when its last part has ended; a part with no end time
 *   (or no times at all) is over at the end of its day.
 * - Attending means attending every day in full: only then does the place get
 *   a CPD entry and an evaluation request, and only once the session is over.
 */

export interface TimedPart {
  day: string;
  ends_at: string | null;
  start_time: string | null;
}

/** Whether the register of a part may be taken today. */
export const registerIsOpen = (part: Pick<TimedPart, 'day'>, today: string) => part.day <= today;

/** The instant a part is over: its end, or the end of its day when no end time is known. */
export const partEndsAt = (p: TimedPart): string =>
  p.ends_at && p.start_time !== null ? p.ends_at : londonInstant(addCalendarDays(p.day, 1), '00:00');

/** The instant the last part of a session is over, or null for a session with no days. */
export function sessionEndsAt(parts: TimedPart[]): string | null {
  let end: string | null = null;
  for (const p of parts) {
    const e = partEndsAt(p);
    if (end === null || e > end) end = e;
  }
  return end;
}

/** Whether every part of the session is over at `now`. */
export const sessionIsOver = (parts: TimedPart[], now: string) => {
  const end = sessionEndsAt(parts);
  return end !== null && end <= now;
};

/** Whether a place attended the whole session: every one of its days marked "attended". */
export const attendedInFull = (daysAttended: number, days: number) => days > 0 && daysAttended >= days;

/** The part the register opens on when none is chosen: the latest day already open, else the first. */
export function defaultRegisterPart<P extends Pick<TimedPart, 'day'>>(
  parts: P[],
  today: string,
): P | undefined {
  const open = parts.filter((p) => registerIsOpen(p, today));
  return open[open.length - 1] ?? parts[0];
}
