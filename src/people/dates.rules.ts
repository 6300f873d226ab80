import { type DayRange, dayOutOfRange } from '../platform/calendar/day-range.ts';
import { addCalendarMonths } from '../platform/calendar/days.ts';

/**
 * The dates a staff record can mean, in one place (issue 11 item 3). The Hub
 * keeps no start date for staff; a leaving date may be up to a year ahead (a
 * notice period) and not before the service's records begin.
 */
export const STAFF_RECORDS_BEGIN = '2015-04-01';
export const LEAVING_MONTHS_AHEAD = 12;

export const leavingRange = (today: string): DayRange => ({
  earliest: STAFF_RECORDS_BEGIN,
  earliestBecause: 'when the service’s records begin',
  latest: addCalendarMonths(today, LEAVING_MONTHS_AHEAD),
  latestBecause: 'a year from today',
});

export const leavingProblem = (label: string, day: string, today: string) =>
  dayOutOfRange(label, day, leavingRange(today), today);

/**
 * Whether a person can still sign in: someone working their notice can, until their leaving date;
 * from that day on they cannot (a nightly job turns off those whose date has come).
 */
export const activeOn = (leftOn: string | null | undefined, today: string): 0 | 1 =>
  leftOn && leftOn <= today ? 0 : 1;
