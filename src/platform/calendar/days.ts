/**
 * Calendar dates as 'YYYY-MM-DD' strings and as day numbers (days since
 * 1970-01-01). A date here is a day in London, not an instant, so there is no
 * time zone anywhere: the arithmetic is plain integer arithmetic on the
 * proleptic Gregorian calendar. Day numbers let hot loops compare and step
 * through dates without making Date objects or strings.
 */

/** Thrown for anything that is not a real date written as YYYY-MM-DD. */
export class BadDateError extends RangeError {
  readonly value: unknown;
  constructor(value: unknown) {
    super(`${describe(value)} is not a real date written as YYYY-MM-DD (for example 2026-12-24)`);
    this.name = 'BadDateError';
    this.value = value;
  }
}

const describe = (value: unknown) =>
  typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : `A ${typeof value}`;

// Days before the first of each month in a common year (index 0 = January).
const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

export const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export const daysInMonth = (y: number, month: number) =>
  month === 2 && isLeapYear(y) ? 29 : DAYS_BEFORE_MONTH[month]! - DAYS_BEFORE_MONTH[month - 1]!;

// Leap days in the years 1 .. y-1; differences of this count leap days between two years.
const leapDaysBefore = (y: number) => {
  const p = y - 1;
  return Math.floor(p / 4) - Math.floor(p / 100) + Math.floor(p / 400);
};
const LEAP_DAYS_BEFORE_1970 = leapDaysBefore(1970);

/** Day number of 1 January of the year. */
export const yearStart = (y: number) => 365 * (y - 1970) + leapDaysBefore(y) - LEAP_DAYS_BEFORE_1970;

/** Day number of a (year, month 1–12, day 1–31) that is already known to be valid. */
export const dayNumberOf = (y: number, month: number, d: number) =>
  yearStart(y) + DAYS_BEFORE_MONTH[month - 1]! + (month > 2 && isLeapYear(y) ? 1 : 0) + d - 1;

// Reads two or four ASCII digits at s[at..]; -1 if any is not a digit.
function digits(s: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** The day number of a 'YYYY-MM-DD' string; throws BadDateError for anything else (2026-02-30 included). */
export function parseDay(value: string): number {
  if (typeof value !== 'string' || value.length !== 10 || value[4] !== '-' || value[7] !== '-') {
    throw new BadDateError(value);
  }
  const y = digits(value, 0, 4);
  const m = digits(value, 5, 2);
  const d = digits(value, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) throw new BadDateError(value);
  return dayNumberOf(y, m, d);
}

export function isDay(value: unknown): value is string {
  try {
    parseDay(value as string);
    return true;
  } catch {
    return false;
  }
}

/** The year a day number falls in. */
export function yearOfDayNumber(n: number): number {
  // 365.2425 is the Gregorian mean year; the estimate is off by at most one either way.
  let y = 1970 + Math.floor(n / 365.2425);
  while (yearStart(y) > n) y--;
  while (yearStart(y + 1) <= n) y++;
  return y;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** 'YYYY-MM-DD' for a day number (years 0000–9999). */
export function formatDayNumber(n: number): string {
  const y = yearOfDayNumber(n);
  if (y < 0 || y > 9999) throw new RangeError(`Day number ${n} is outside the years 0000–9999`);
  let doy = n - yearStart(y);
  const leap = isLeapYear(y);
  let m = 1;
  while (m < 12) {
    const len = m === 2 && leap ? 29 : DAYS_BEFORE_MONTH[m]! - DAYS_BEFORE_MONTH[m - 1]!;
    if (doy < len) break;
    doy -= len;
    m++;
  }
  return `${y < 1000 ? String(y).padStart(4, '0') : y}-${pad2(m)}-${pad2(doy + 1)}`;
}

/** 0 = Sunday … 6 = Saturday, like Date#getUTCDay. 1970-01-01 was a Thursday. */
export const weekdayOfDayNumber = (n: number) => (((n + 4) % 7) + 7) % 7;

export const isWeekendDayNumber = (n: number) => {
  const w = weekdayOfDayNumber(n);
  return w === 0 || w === 6;
};

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export const weekdayOf = (day: string) => weekdayOfDayNumber(parseDay(day));

export const isWeekend = (day: string) => isWeekendDayNumber(parseDay(day));

function checkInteger(n: number, what: string) {
  if (!Number.isSafeInteger(n))
    throw new RangeError(`The number of ${what} must be a whole number, not ${n}`);
}

/** The day n calendar days after (or, for negative n, before) day. */
export function addCalendarDays(day: string, n: number): string {
  checkInteger(n, 'days');
  return formatDayNumber(parseDay(day) + n);
}

/**
 * The same day of the month n months later (or earlier, for negative n),
 * held to the last day of a shorter month: 2026-01-31 + 1 month = 2026-02-28.
 * This is how "within 3 months of X" rules read.
 */
export function addCalendarMonths(day: string, n: number): string {
  checkInteger(n, 'months');
  parseDay(day);
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const d = Number(day.slice(8, 10));
  const months = y * 12 + (m - 1) + n;
  const ny = Math.floor(months / 12);
  const nm = months - ny * 12 + 1;
  if (ny < 0 || ny > 9999) throw new RangeError(`${day} plus ${n} months is outside the years 0000–9999`);
  return formatDayNumber(dayNumberOf(ny, nm, Math.min(d, daysInMonth(ny, nm))));
}

// en-CA writes dates as YYYY-MM-DD.
const londonDayFmt = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in London at an instant ('YYYY-MM-DD'): "today" for people in England. */
export const londonDay = (instant: Date): string => londonDayFmt.format(instant);
