import { isDay } from './days.ts';
import { FIRST_YEAR, LAST_YEAR } from './working-days.ts';

/** What the working-days pages accept from the address and the forms. Pure. */

export const MIN_PAGE_YEAR = 2000;
export const MAX_PAGE_YEAR = 2100;
export const MAX_WORKING_DAYS = 500;

export type Problem = { field: string; text: string };

export const yearIsValid = (y: unknown): y is string =>
  typeof y === 'string' && /^\d{4}$/.test(y) && Number(y) >= MIN_PAGE_YEAR && Number(y) <= MAX_PAGE_YEAR;

/**
 * The year the page shows: the one asked for, or (if none, or one out of range)
 * this year, with a problem to say so.
 */
export function chooseYear(asked: string | undefined, today: string): { year: number; problem?: Problem } {
  const thisYear = Number(today.slice(0, 4));
  if (asked === undefined) return { year: thisYear };
  if (yearIsValid(asked)) return { year: Number(asked) };
  return {
    year: thisYear,
    problem: { field: 'year', text: `Enter a year from ${MIN_PAGE_YEAR} to ${MAX_PAGE_YEAR}` },
  };
}

/** The page to go back to after a change: the year the form was on, or else this year. */
export const yearPage = (year: unknown, today: string) =>
  `/admin/working-days?year=${yearIsValid(year) ? year : today.slice(0, 4)}`;

/** What is wrong with a "work it out" question (a start date and a number of working days). */
export function checkWorkItOut(start: string, days: string): Problem[] {
  const problems: Problem[] = [];
  const year = Number(start.slice(0, 4));
  if (!isDay(start))
    problems.push({ field: 'start', text: 'Enter the start date as YYYY-MM-DD, for example 2026-12-20' });
  else if (year < FIRST_YEAR || year > LAST_YEAR) {
    problems.push({ field: 'start', text: `Enter a start date from ${FIRST_YEAR} to ${LAST_YEAR}` });
  }
  if (!/^\d{1,3}$/.test(days) || Number(days) > MAX_WORKING_DAYS) {
    problems.push({
      field: 'days',
      text: `Enter a whole number of working days from 0 to ${MAX_WORKING_DAYS}`,
    });
  }
  return problems;
}
