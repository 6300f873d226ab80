import { formatDate, plural } from '../views/format.ts';
import type { BankHoliday } from './bank-holidays.ts';
import type { ClosureDayRow } from './closure-days.repo.ts';
import {
  addCalendarDays,
  addCalendarMonths,
  MONTH_NAMES,
  parseDay,
  WEEKDAY_NAMES,
  weekdayOfDayNumber,
} from './days.ts';
import type { WorkingCalendar } from './working-days.ts';

const shortDateFmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });

/** "Friday 25 December 2026" */
export const longDay = (day: string) =>
  `${WEEKDAY_NAMES[weekdayOfDayNumber(parseDay(day))]} ${formatDate(day)}`;
/** "25 Dec" */
const shortDay = (day: string) => shortDateFmt.format(new Date(`${day}T00:00:00Z`));

/** What the working-days page shows for a year. */
export function yearView(
  calendar: WorkingCalendar,
  year: number,
  holidays: readonly BankHoliday[],
  closures: ClosureDayRow[],
) {
  const months = MONTH_NAMES.map((name, i) => {
    const first = `${year}-${String(i + 1).padStart(2, '0')}-01`;
    // Working days after the last day of the previous month, up to the last day of this one.
    const before = addCalendarDays(first, -1);
    const last = addCalendarDays(addCalendarMonths(first, 1), -1);
    return { name, count: calendar.workingDaysBetween(before, last) };
  });
  const total = months.reduce((sum, m) => sum + m.count, 0);
  return {
    holidayRows: holidays.map((h) => [{ text: longDay(h.date) }, { text: h.name }]),
    closures: closures.map((c) => ({ day: c.day, date: longDay(c.day), reason: c.reason })),
    monthRows: [
      ...months.map((m) => [{ text: m.name }, { text: String(m.count), format: 'numeric' }]),
      [
        { text: `All of ${year}`, classes: 'govuk-!-font-weight-bold' },
        { text: String(total), format: 'numeric', classes: 'govuk-!-font-weight-bold' },
      ],
    ],
  };
}

const workingDays = (n: number) => plural(n, 'working day', 'working days');

/** The due date n working days after start, with every day that was not counted and why. */
export function dueDateView(calendar: WorkingCalendar, start: string, n: number) {
  const due = calendar.addWorkingDays(start, n);
  const off = n === 0 ? [] : calendar.daysOff(start, due);
  const named = off.filter((d) => d.kind !== 'weekend');
  const weekendDays = off.length - named.length;
  const skipped = [
    ...named.map((d) => `${shortDay(d.day)} ${d.reason}`),
    ...(weekendDays ? [plural(weekendDays, 'weekend day', 'weekend days')] : []),
  ];
  const counted: { number: number; day: string }[] = [];
  for (let i = 1, d = start; i <= n; i++) {
    d = calendar.addWorkingDays(d, 1);
    counted.push({ number: i, day: d });
  }
  return {
    sentence: `${workingDays(n)} after ${formatDate(start)} is ${formatDate(due)}.`,
    skipped: skipped.length ? `Not counted: ${listInWords(skipped)}.` : 'No days were skipped.',
    startNote: calendar.isWorkingDay(start)
      ? `${longDay(start)} is day 0: counting starts the next working day.`
      : `${longDay(start)} is day 0 (it is not a working day itself): counting starts the next working day.`,
    skippedRows: named.map((d) => [
      { text: longDay(d.day) },
      { text: d.kind === 'bank-holiday' ? 'Bank holiday' : 'Closure day' },
      { text: d.reason },
    ]),
    countedRows: counted.map((c) => [
      { text: String(c.number), format: 'numeric' },
      { text: longDay(c.day) },
    ]),
  };
}

/** "a, b and c" */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
