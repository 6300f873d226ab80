import { daysInMonth, MONTH_NAMES } from '../platform/calendar/days.ts';
import type { PartInput } from './offer.repo.ts';

/**
 * The days of a session as L&D enter them on the session form: one row per
 * day, each with the design system's date input (day, month and year fields)
 * and two time inputs, London time. A blank start time means "times to be
 * confirmed", a blank end time "end time to be confirmed"; a row left wholly
 * blank is no day (that is how a day is taken off). Pure.
 */
export interface DayRow {
  day: string;
  month: string;
  year: string;
  start: string;
  end: string;
}

/** A session has at most this many days. */
export const MAX_DAYS = 20;

const FIELDS = ['day', 'month', 'year', 'start', 'end'] as const;

/** The field names of row i: `day-0-day`, `day-0-month`, `day-0-year`, `day-0-start`, `day-0-end`. */
export const rowField = (i: number, f: (typeof FIELDS)[number]) => `day-${i}-${f}`;

/** How many rows the form shows, from its hidden `dayCount` (at least 1, at most MAX_DAYS). */
export function rowCount(body: Record<string, unknown>): number {
  const n = typeof body.dayCount === 'string' ? Number.parseInt(body.dayCount, 10) : Number.NaN;
  return Number.isFinite(n) ? Math.min(MAX_DAYS, Math.max(1, n)) : 1;
}

/** The rows as sent; anything that is not text reads as blank. */
export function dayRowsOf(body: Record<string, unknown>): DayRow[] {
  return Array.from({ length: rowCount(body) }, (_, i) => {
    const value = (f: (typeof FIELDS)[number]) => {
      const v = body[rowField(i, f)];
      return typeof v === 'string' ? v.trim().slice(0, 20) : '';
    };
    return {
      day: value('day'),
      month: value('month'),
      year: value('year'),
      start: value('start'),
      end: value('end'),
    };
  });
}

/**
 * A time of day as 'HH:MM' from what a time input sends ("09:30") or what
 * people type where the browser has no time input ("9.30", "9:30am", "2pm");
 * null for blank; 'bad' for anything else.
 */
export function parseTime(text: string): string | null | 'bad' {
  const t = text.trim().toLowerCase();
  if (!t) return null;
  const m = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/.exec(t);
  if (!m || (m[2] === undefined && !m[3])) return 'bad';
  let h = Number(m[1]);
  const min = Number(m[2] ?? '0');
  if (m[3]) {
    if (h < 1 || h > 12) return 'bad';
    h = (h % 12) + (m[3] === 'pm' ? 12 : 0);
  }
  if (h > 23 || min > 59) return 'bad';
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

export interface RowProblem {
  field: string;
  text: string;
}

/** One row's date, or what is wrong with it (GOV.UK's wording for date inputs). */
function rowDate(r: DayRow, i: number): string | RowProblem {
  const where = `Day ${i + 1}`;
  const missing = (['day', 'month', 'year'] as const).filter((f) => r[f] === '');
  if (missing.length === 3) return { field: rowField(i, 'day'), text: `${where}: enter the date` };
  if (missing.length)
    return {
      field: rowField(i, missing[0]!),
      text: `${where}: the date must include a ${missing.join(' and a ')}`,
    };
  if (!/^\d{1,2}$/.test(r.day) || !/^\d{1,2}$/.test(r.month) || !/^\d+$/.test(r.year))
    return { field: rowField(i, 'day'), text: `${where}: the date must be a real date, written in numbers` };
  if (r.year.length !== 4)
    return { field: rowField(i, 'year'), text: `${where}: the year must include 4 numbers` };
  const [d, m, y] = [Number(r.day), Number(r.month), Number(r.year)];
  if (m < 1 || m > 12)
    return { field: rowField(i, 'month'), text: `${where}: the month must be between 1 and 12` };
  if (d < 1 || d > daysInMonth(y, m))
    return { field: rowField(i, 'day'), text: `${where}: ${d} ${MONTH_NAMES[m - 1]} ${y} is not a date` };
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The days of a session from the form's rows, sorted, each with the row it
 * came from (so a later refusal can point at its field); or every problem found.
 */
export function parseDayRows(
  rows: DayRow[],
): { parts: (PartInput & { row: number })[] } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const parts: (PartInput & { row: number })[] = [];
  rows.forEach((r, i) => {
    if (FIELDS.every((f) => r[f] === '')) return;
    const where = `Day ${i + 1}`;
    const day = rowDate(r, i);
    if (typeof day !== 'string') {
      problems.push(day);
      return;
    }
    const start = parseTime(r.start);
    const end = parseTime(r.end);
    if (start === 'bad')
      problems.push({
        field: rowField(i, 'start'),
        text: `${where}: enter the start time as a time of day, for example 09:30`,
      });
    if (end === 'bad')
      problems.push({
        field: rowField(i, 'end'),
        text: `${where}: enter the end time as a time of day, for example 16:30`,
      });
    if (start === 'bad' || end === 'bad') return;
    if (end && !start)
      problems.push({
        field: rowField(i, 'start'),
        text: `${where}: enter the start time as well as the end time`,
      });
    else if (start && end && end <= start)
      problems.push({
        field: rowField(i, 'end'),
        text: `${where}: the end time must be after the start time`,
      });
    else if (parts.some((p) => p.day === day))
      problems.push({
        field: rowField(i, 'day'),
        text: `${where} is the same date as another day of this session`,
      });
    else parts.push({ day, start, end, row: i });
  });
  if (problems.length) return { problems };
  if (!parts.length)
    return { problems: [{ field: rowField(0, 'day'), text: 'Enter the date of at least one day' }] };
  parts.sort((a, b) => a.day.localeCompare(b.day));
  return { parts };
}

/** A session's days as form rows, for the change form. */
export const rowsOfParts = (parts: { day: string; start_time: string | null; end_time: string | null }[]) =>
  parts.map(
    (p): DayRow => ({
      day: String(Number(p.day.slice(8, 10))),
      month: String(Number(p.day.slice(5, 7))),
      year: p.day.slice(0, 4),
      start: p.start_time ?? '',
      end: p.end_time ?? '',
    }),
  );

/** The rows back as the form's fields (with `dayCount`), for answers kept or a session's own days. */
export function rowsAsFields(rows: DayRow[]): Record<string, string> {
  const out: Record<string, string> = { dayCount: String(Math.max(1, rows.length)) };
  rows.forEach((r, i) => {
    for (const f of FIELDS) out[rowField(i, f)] = r[f];
  });
  return out;
}
