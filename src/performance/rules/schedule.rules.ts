import type { WorkingCalendar } from '../../platform/calendar/working-days.ts';
import type { RuleId, RuleResult, Status } from './types.ts';

/**
 * The two shapes every rule takes. Days are 'YYYY-MM-DD' strings, which sort
 * and compare as dates. Counting: the anchor day is day 0 (see
 * docs/performance-rules.md); "late" is counted in working days after the due date.
 */
export interface Judge {
  cal: WorkingCalendar;
  asOf: string;
  dueSoonWorkingDays: number;
}

/** Status of work still to do, due on dueDay, as of the day. */
export function waitingStatus(j: Judge, dueDay: string): { status: Status; daysLate: number } {
  if (j.asOf > dueDay) return { status: 'overdue', daysLate: j.cal.workingDaysBetween(dueDay, j.asOf) };
  const left = j.cal.workingDaysBetween(j.asOf, dueDay);
  return { status: left <= j.dueSoonWorkingDays ? 'due-soon' : 'on-time', daysLate: 0 };
}

/** A one-off: due on dueDay, done on doneDay (if it has happened by the as-of day). */
export function oneOff(j: Judge, rule: RuleId, dueDay: string, doneDay: string | null): RuleResult {
  if (doneDay !== null && doneDay <= j.asOf) {
    const late = doneDay > dueDay;
    return {
      rule,
      status: late ? 'overdue' : 'on-time',
      dueDay,
      lastDay: doneDay,
      daysLate: late ? j.cal.workingDaysBetween(dueDay, doneDay) : 0,
      open: false,
    };
  }
  return { rule, ...waitingStatus(j, dueDay), dueDay, lastDay: null, open: true };
}

/**
 * Something that recurs: the first is due on firstDue, and each one that
 * happens sets when the next is due. events must be sorted and on or before
 * the as-of day.
 */
export function recurring(
  j: Judge,
  rule: RuleId,
  firstDue: string,
  events: readonly string[],
  nextDue: (eventDay: string, index: number) => string,
): RuleResult {
  let due = firstDue;
  let last: string | null = null;
  for (let i = 0; i < events.length; i++) {
    last = events[i]!;
    due = nextDue(last, i);
  }
  return { rule, ...waitingStatus(j, due), dueDay: due, lastDay: last, open: true };
}

/** Whether an episode from startDay to endDay (null: still open) is running on the day. */
export const activeOn = (day: string, e: { startDay: string; endDay: string | null }) =>
  e.startDay <= day && (e.endDay === null || e.endDay > day);

/** The episode that started last on or before the day, among those that match. */
export function latest<T extends { startDay: string }>(
  items: readonly T[],
  day: string,
  ok: (t: T) => boolean = () => true,
) {
  let best: T | undefined;
  for (const t of items) if (t.startDay <= day && ok(t) && (!best || t.startDay >= best.startDay)) best = t;
  return best;
}

/** Sorted days within [from, to]. */
export const daysBetween = (days: Iterable<string>, from: string, to: string): string[] =>
  [...days].filter((d) => d >= from && d <= to).sort();
