import { listInWords } from '../platform/calendar/working-days.presenter.ts';
import type { DayOff, WorkingCalendar } from '../platform/calendar/working-days.ts';
import { formatDateWithWeekday } from '../platform/views/format.ts';

/**
 * What L&D are told about the days of a session before it is saved. Pure.
 *
 * - A new session's days are today or later: a session in the past cannot be
 *   booked, and saying so is kinder than saving it.
 * - A day nobody works (a Saturday or Sunday, a bank holiday in England and
 *   Wales, one of the authority's closure days — the platform's working-day
 *   calendar knows all of them) is allowed, because some training is, but
 *   only once L&D have confirmed it: a slip of the date is the likelier cause.
 */

/** The first day of a new session that is before today, with the row it came from. */
export function pastDay(parts: { day: string }[], rows: number[], today: string) {
  const i = parts.findIndex((p) => p.day < today);
  return i < 0 ? null : { day: parts[i]!.day, row: rows[i] ?? 0 };
}

export const pastDayMessage = (day: string) =>
  `${formatDateWithWeekday(day)} is in the past: a new session must be on today's date or later`;

/** The days given that nobody works, in order. */
export const nonWorkingDays = (days: string[], calendar: WorkingCalendar): DayOff[] =>
  days.map((d) => calendar.dayOff(d)).filter((d): d is DayOff => d !== null);

/** "Saturday 5 December 2026 (a Saturday)", "Monday 28 December 2026 (Boxing Day (substitute day))". */
export const dayOffText = (d: DayOff) =>
  `${formatDateWithWeekday(d.day)} (${d.kind === 'weekend' ? 'a weekend' : d.kind === 'bank-holiday' ? `${d.reason}, a bank holiday` : `${d.reason}, a closure day`})`;

/** The question asked before a session is put on days nobody works. */
export function nonWorkingMessage(days: DayOff[]): string {
  const one = days.length === 1;
  return `${listInWords(days.map(dayOffText))} ${one ? 'is not a working day' : 'are not working days'}. Check the ${one ? 'date' : 'dates'}, or confirm that the session is meant to be on ${one ? 'that day' : 'those days'}.`;
}
