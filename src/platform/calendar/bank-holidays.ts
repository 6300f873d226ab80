import Holidays from 'date-holidays';
import { isWeekendDayNumber, parseDay } from './days.ts';

/**
 * England and Wales bank holidays, from the date-holidays package
 * (https://github.com/commenthol/date-holidays). Its holiday data is licensed
 * CC-BY-3.0 and asks for attribution: the README and the working-days page
 * credit it.
 *
 * Only the days that are actually days off on a weekday matter here. When a
 * holiday falls at a weekend the package lists both the weekend date and the
 * weekday substitute (2022-12-25 Sunday and 2022-12-27 "Christmas Day
 * (substitute day)"); we keep the substitute and drop the weekend original,
 * which was never a working day anyway. Future years are the package's
 * projection of the usual pattern: one-off holidays announced later (a
 * coronation, a state funeral) appear only after the package is updated.
 */

export interface BankHoliday {
  /** 'YYYY-MM-DD' */
  date: string;
  name: string;
}

// 'ENG' matters: GB alone omits the August (summer) bank holiday.
let source: Holidays | undefined;
const byYear = new Map<number, readonly BankHoliday[]>();

/** The weekday bank holidays of a year, in date order, with their names. Cached per year. */
export function bankHolidayList(year: number): readonly BankHoliday[] {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`Not a year: ${year}`);
  const cached = byYear.get(year);
  if (cached) return cached;
  source ??= new Holidays('GB', 'ENG');
  const names = new Map<string, string>();
  for (const h of source.getHolidays(year)) {
    if (h.type !== 'public') continue;
    // `date` is the local calendar date ('2026-12-25 00:00:00'); `start` is a London instant
    // that reads as the previous day in UTC during summer time, so it is not used.
    const date = h.date.slice(0, 10);
    if (isWeekendDayNumber(parseDay(date))) continue;
    const before = names.get(date);
    names.set(date, before && before !== h.name ? `${before} and ${h.name}` : h.name);
  }
  const list = Object.freeze(
    [...names]
      .map(([date, name]) => Object.freeze({ date, name }))
      .sort((a, b) => (a.date < b.date ? -1 : 1)),
  );
  byYear.set(year, list);
  return list;
}

/** The weekday dates ('YYYY-MM-DD') that are bank holidays in the year, substitute days included. */
export function bankHolidays(year: number): string[] {
  return bankHolidayList(year).map((h) => h.date);
}

/** The bank holiday's name if the day is a weekday bank holiday, otherwise undefined. */
export function bankHolidayName(day: string): string | undefined {
  parseDay(day);
  return bankHolidayList(Number(day.slice(0, 4))).find((h) => h.date === day)?.name;
}

export const isBankHoliday = (day: string): boolean => bankHolidayName(day) !== undefined;
