import { stringify } from 'csv-stringify/sync';

/**
 * A cell that starts with =, +, -, @, tab or carriage return is read as a
 * formula by Excel; prefixing an apostrophe keeps it as the text it was.
 */
export function neutralise(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** A CSV file (with a header row) whose every cell is safe to open in a spreadsheet. */
export function toCsv<T>(rows: T[], columns: { header: string; value: (row: T) => unknown }[]): string {
  return stringify([
    columns.map((c) => c.header),
    ...rows.map((r) => columns.map((c) => neutralise(c.value(r)))),
  ]);
}
