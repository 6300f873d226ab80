import { isDay } from '../../platform/calendar/days.ts';

/**
 * Cell parsers for import rows: plain functions rather than zod schemas,
 * because they run for every cell of files with a million rows (zod cost about
 * 8 µs a row here, which alone would have taken the 15-second budget). Every
 * message names the column, so a row's problem reads on its own:
 * "date "2026-13-01" is not a real date written as YYYY-MM-DD".
 */
export class CellError extends Error {}
export type Cell<T> = (raw: string) => T;

const FORMULA = /^[=+\-@\t\r]/;
const ID = /^[A-Za-z0-9][A-Za-z0-9_./-]*$/;
const fail = (message: string): never => {
  throw new CellError(message);
};

export const text =
  (column: string, max: number, required = false): Cell<string> =>
  (raw) => {
    const s = raw.trim();
    if (required && !s) fail(`${column} is empty`);
    if (s.length > max) fail(`${column} is longer than ${max} characters`);
    if (FORMULA.test(s))
      fail(`${column} starts with a character a spreadsheet would run as a formula (= + - @)`);
    return s;
  };

export const localId =
  (column: string): Cell<string> =>
  (raw) => {
    const s = raw.trim();
    if (!s) fail(`${column} is empty`);
    if (s.length > 60) fail(`${column} is longer than 60 characters`);
    if (!ID.test(s)) fail(`${column} may hold only letters, digits and _ . / -`);
    return s;
  };

/**
 * The earliest date any import column can mean (issue 11 item 3): a care leaver the
 * service still supports was born after it, and the working-day clocks the statuses
 * run on count only from 1980, so an older date is a typing slip, not a record.
 */
export const EARLIEST_IMPORT_DAY = '1990-01-01';

/** A date as YYYY-MM-DD, not after today and not before 1 January 1990. */
export const day =
  (column: string, today: string): Cell<string> =>
  (raw) => {
    const s = raw.trim();
    if (!s) fail(`${column} is empty`);
    const real: boolean = isDay(s);
    if (!real) fail(`${column} ${JSON.stringify(s.slice(0, 20))} is not a real date written as YYYY-MM-DD`);
    if (s > today) fail(`${column} ${s} is in the future`);
    if (s < EARLIEST_IMPORT_DAY)
      fail(`${column} ${s} is before 1 January 1990, earlier than any record the Hub holds`);
    return s;
  };

export const optionalDay = (column: string, today: string): Cell<string | null> => {
  const required = day(column, today);
  return (raw) => (raw.trim() === '' ? null : required(raw));
};

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0', '']);
export const yesNo =
  (column: string, empty: 0 | 1 = 0): Cell<0 | 1> =>
  (raw) => {
    const s = raw.trim().toLowerCase();
    if (s === '') return empty;
    if (YES.has(s)) return 1;
    if (NO.has(s)) return 0;
    return fail(`${column} must be yes or no`);
  };

export const oneOf =
  <T extends string>(column: string, values: readonly T[]): Cell<T> =>
  (raw) => {
    const s = raw.trim().toLowerCase() as T;
    if (!values.includes(s)) fail(`${column} must be one of: ${values.join(', ')}`);
    return s;
  };

/** Parses every cell of a row; all the row's problems together, or the values. */
export function parseRow(
  cells: Record<string, Cell<unknown>>,
  raw: (column: string) => string,
): { ok: true; value: Record<string, unknown> } | { ok: false; message: string } {
  const value: Record<string, unknown> = {};
  let problems: string[] | undefined;
  for (const column in cells) {
    try {
      value[column] = cells[column]!(raw(column));
    } catch (err) {
      if (!(err instanceof CellError)) throw err;
      problems = [...(problems ?? []), err.message];
    }
  }
  return problems ? { ok: false, message: problems.join('; ') } : { ok: true, value };
}
