import { type DayRange, dayOutOfRange } from '../platform/calendar/day-range.ts';
import { addCalendarMonths } from '../platform/calendar/days.ts';

/**
 * The dates the complaints and learning-loop fields can mean, in one place.
 * Each is refused with one sentence that says the range (issue 11 item 3):
 * 1979-12-31 once crashed the working-day clock and 1985 was kept and shown
 * as overdue.
 */

/** The first day the service keeps complaints and lessons for: nothing received earlier is on the Hub. */
export const RECORDS_BEGIN = '2015-04-01';
const RECORDS_BEGIN_BECAUSE = 'when the service’s records begin';

/** A complaint, compliment, audit or review received: today or earlier, not before the records begin. */
export const receivedRange = (today: string): DayRange => ({
  earliest: RECORDS_BEGIN,
  earliestBecause: RECORDS_BEGIN_BECAUSE,
  latest: today,
});

/** How far back and ahead an action's due date may be set: a year back (a late one), three years ahead. */
export const ACTION_DUE_YEARS_BACK = 1;
export const ACTION_DUE_YEARS_AHEAD = 3;
export const actionDueRange = (today: string): DayRange => ({
  earliest: addCalendarMonths(today, -12 * ACTION_DUE_YEARS_BACK),
  latest: addCalendarMonths(today, 12 * ACTION_DUE_YEARS_AHEAD),
  latestBecause: `${ACTION_DUE_YEARS_AHEAD} years from today`,
});

export const receivedProblem = (label: string, day: string, today: string) =>
  dayOutOfRange(label, day, receivedRange(today), today);
export const actionDueProblem = (day: string, today: string) =>
  dayOutOfRange('the due date', day, actionDueRange(today), today);
