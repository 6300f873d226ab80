import { UserInputError } from '../http/errors.ts';
import { type BankHoliday, bankHolidayList } from './bank-holidays.ts';
import {
  formatDayNumber,
  isWeekendDayNumber,
  parseDay,
  WEEKDAY_NAMES,
  weekdayOfDayNumber,
  yearOfDayNumber,
  yearStart,
} from './days.ts';

export { addCalendarDays, addCalendarMonths, BadDateError } from './days.ts';

/**
 * A date the calendar cannot count from (before 1980 or after 2200). It is bad
 * input a person can fix, not a fault: a form that meets it goes back with the
 * answers kept and this message, and a page says it on the 400 error page.
 * Fields should refuse such dates earlier with their own range (day-range.ts).
 */
export class OutOfCalendarError extends UserInputError {
  constructor(what: string) {
    super(
      `The Hub counts working days only for dates from 1 January ${FIRST_YEAR} to 31 December ${LAST_YEAR}: check the date (asked for ${what})`,
    );
    this.name = 'OutOfCalendarError';
  }
}

/**
 * Working days in England: weekdays that are neither an England and Wales bank
 * holiday nor one of the authority's own closure days. Pure: bank holidays
 * come from a function of the year (date-holidays by default), closure days
 * are handed in.
 *
 * Counting convention (docs/domain: "within 10 working days of X"): X is day 0
 * and the due date is the 10th working day after X, whatever X itself is.
 *
 * How it stays fast: each calendar keeps an index over a window of whole
 * years, grown on demand —
 *   rank[i]  = how many working days fall before the window's i-th day, and
 *   working  = the day numbers of the window's working days, in order.
 * With R(d) = working days up to and including d, "working days after a up
 * to b" is R(b) − R(a) and "the n-th working day after a" is
 * working[R(a) + n − 1]: O(1) array reads on integer day numbers, no Date
 * objects. Result strings are made once per working day and reused. Building
 * the index costs about a millisecond a year (mostly date-holidays); the
 * window grows several years at a time so rebuilding is rare. Measured on
 * Node 24: about 40 ms for 1,000,000 addWorkingDays calls once warm.
 *
 * A calendar never changes after it is made: after closure days change, load
 * a new one (loadWorkingCalendar in closure-days.repo.ts).
 */

/** Years the calendar answers for: from 1980 (the pattern of bank holidays since 1978) to 2200. */
export const FIRST_YEAR = 1980;
export const LAST_YEAR = 2200;

export interface ClosureDay {
  day: string;
  reason: string;
}

/** Why a day is not a working day. */
export interface DayOff {
  day: string;
  kind: 'weekend' | 'bank-holiday' | 'closure';
  /** 'Saturday', the bank holiday's name, or the closure day's reason. */
  reason: string;
}

export type HolidaySource = (year: number) => readonly BankHoliday[];

// When the window must grow, it grows by at least this many years on the side that needs it.
const GROW_YEARS = 4;

export class WorkingCalendar {
  readonly #closures: ReadonlyMap<number, string>;
  readonly #holidaysOf: HolidaySource;
  #firstYear = 0;
  #lastYear = -1;
  #start = 0;
  #length = 0;
  #rank = new Int32Array(1);
  #working = new Int32Array(0);
  #holidayNames = new Map<number, string>();
  // 'YYYY-MM-DD' of each working day in the window, made when first asked for.
  #workingText: (string | undefined)[] = [];

  /** closures: the authority's closure days (their reasons explain skipped days); bad dates throw. */
  constructor(closures: Iterable<ClosureDay | string> = [], holidays: HolidaySource = bankHolidayList) {
    const map = new Map<number, string>();
    for (const c of closures) {
      const { day, reason } = typeof c === 'string' ? { day: c, reason: 'Closure day' } : c;
      map.set(parseDay(day), reason);
    }
    this.#closures = map;
    this.#holidaysOf = holidays;
  }

  isWorkingDay(day: string): boolean {
    return this.isWorkingDayNumber(parseDay(day));
  }

  /** The n-th working day after day (n ≥ 0; day itself is day 0, so n = 0 gives day back unchanged). */
  addWorkingDays(day: string, n: number): string {
    const result = this.addWorkingDaysToNumber(parseDay(day), n);
    return n === 0 ? day : this.#text(result);
  }

  /**
   * Working days after `from` up to and including `to`: 0 when they are the
   * same day, negative (the count the other way round) when `to` is earlier.
   * For a working day x, workingDaysBetween(x, addWorkingDays(x, n)) === n.
   */
  workingDaysBetween(from: string, to: string): number {
    return this.workingDaysBetweenNumbers(parseDay(from), parseDay(to));
  }

  /** The first working day on or after day. */
  nextWorkingDay(day: string): string {
    const n = parseDay(day);
    return this.isWorkingDayNumber(n) ? day : this.#text(this.addWorkingDaysToNumber(n, 1));
  }

  /** Why the day is not a working day, or null if it is one. */
  dayOff(day: string): DayOff | null {
    const n = parseDay(day);
    this.#offset(n);
    const holiday = this.#holidayNames.get(n);
    if (holiday) return { day, kind: 'bank-holiday', reason: holiday };
    if (isWeekendDayNumber(n)) return { day, kind: 'weekend', reason: WEEKDAY_NAMES[weekdayOfDayNumber(n)]! };
    const closure = this.#closures.get(n);
    return closure === undefined ? null : { day, kind: 'closure', reason: closure };
  }

  /** Every day after `from` up to and including `to` that is not a working day, in order. */
  daysOff(from: string, to: string): DayOff[] {
    const a = parseDay(from);
    const b = parseDay(to);
    const out: DayOff[] = [];
    for (let n = a + 1; n <= b; n++) {
      if (this.isWorkingDayNumber(n)) continue;
      out.push(this.dayOff(formatDayNumber(n))!);
    }
    return out;
  }

  // The same operations on day numbers (see days.ts), for loops that keep dates as integers.

  isWorkingDayNumber(n: number): boolean {
    const i = this.#offset(n);
    return this.#rank[i + 1]! !== this.#rank[i]!;
  }

  addWorkingDaysToNumber(n: number, count: number): number {
    if (!Number.isSafeInteger(count) || count < 0) {
      throw new RangeError(`The number of working days must be a whole number of 0 or more, not ${count}`);
    }
    let i = this.#offset(n);
    while (this.#rank[i + 1]! + count > this.#working.length) {
      // Not enough working days indexed yet: about 250 a year, so reach at least that far.
      const need = yearOfDayNumber(this.#start + this.#length - 1) + Math.ceil(count / 200) + 1;
      if (this.#lastYear >= LAST_YEAR) this.#outOfRange(`working days after ${formatDayNumber(n)}`);
      this.#cover(Math.min(need, LAST_YEAR));
      i = this.#offset(n);
    }
    return count === 0 ? n : this.#working[this.#rank[i + 1]! + count - 1]!;
  }

  workingDaysBetweenNumbers(from: number, to: number): number {
    this.#offset(from);
    this.#offset(to); // may grow the window, so read both offsets after this
    return this.#rank[to - this.#start + 1]! - this.#rank[from - this.#start + 1]!;
  }

  /** The string for a working day number in the window, made once. */
  #text(n: number): string {
    const k = this.#rank[n - this.#start]!;
    let s = this.#workingText[k];
    if (s === undefined) {
      s = formatDayNumber(n);
      this.#workingText[k] = s;
    }
    return s;
  }

  /** The index of day number n in the window, growing the window to reach it. */
  #offset(n: number): number {
    const i = n - this.#start;
    if (i >= 0 && i < this.#length) return i;
    this.#cover(yearOfDayNumber(n));
    return n - this.#start;
  }

  #outOfRange(what: string): never {
    throw new OutOfCalendarError(what);
  }

  /** Rebuilds the index so that its window includes the year. */
  #cover(year: number) {
    if (year < FIRST_YEAR || year > LAST_YEAR) this.#outOfRange(`a date in ${year}`);
    const empty = this.#lastYear < this.#firstYear;
    let first = empty ? year - 1 : this.#firstYear;
    let last = empty ? year + GROW_YEARS : this.#lastYear;
    if (year < first) first = year - GROW_YEARS;
    if (year > last) last = year + GROW_YEARS;
    first = Math.max(first, FIRST_YEAR);
    last = Math.min(last, LAST_YEAR);

    const start = yearStart(first);
    const length = yearStart(last + 1) - start;
    const names = new Map<number, string>();
    for (let y = first; y <= last; y++) {
      for (const h of this.#holidaysOf(y)) names.set(parseDay(h.date), h.name);
    }
    const rank = new Int32Array(length + 1);
    const working: number[] = [];
    for (let i = 0; i < length; i++) {
      const n = start + i;
      const off = isWeekendDayNumber(n) || names.has(n) || this.#closures.has(n);
      if (!off) working.push(n);
      rank[i + 1] = working.length;
    }
    this.#firstYear = first;
    this.#lastYear = last;
    this.#start = start;
    this.#length = length;
    this.#rank = rank;
    this.#working = Int32Array.from(working);
    this.#holidayNames = names;
    this.#workingText = new Array(working.length);
  }
}
