import { type DayRange, dayOutOfRange } from '../platform/calendar/day-range.ts';
import { cpdYearOf } from './cpd.rules.ts';

/**
 * The dates the learning fields can mean, in one place (issue 11 item 3): each
 * refused with one sentence that says the range. A new session's dates are the
 * session form's (its own rules), not here.
 */

/** The first day the service keeps learning records for: no completion before it is on the Hub. */
export const LEARNING_RECORDS_BEGIN = '2015-04-01';

/**
 * A piece of CPD: within this registration year or the one before it (its
 * record is still being renewed on), and not in the future.
 */
export function cpdDayRange(today: string): DayRange {
  const thisYear = cpdYearOf(today);
  const lastYearStart = `${Number(thisYear.start.slice(0, 4)) - 1}-12-01`;
  return {
    earliest: lastYearStart,
    earliestBecause: 'when last year’s Social Work England registration year began',
    latest: today,
  };
}

/**
 * An e-learning completion: not in the future, and not before the service's
 * learning records begin. The Hub does not know when a module was first
 * offered (a module's created_at is when it was added to the Hub, after the
 * completions people bring with them), so the records' start is the bound.
 */
export const completionRange = (today: string): DayRange => ({
  earliest: LEARNING_RECORDS_BEGIN,
  earliestBecause: 'when the service’s learning records begin',
  latest: today,
});

export const cpdDayProblem = (day: string, today: string) =>
  dayOutOfRange('the date', day, cpdDayRange(today), today);
export const completionProblem = (day: string, today: string) =>
  dayOutOfRange('the date you completed it', day, completionRange(today), today);
