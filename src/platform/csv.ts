import { stringify } from 'csv-stringify/sync';

/**
 * Text a spreadsheet would run as a formula when it opens or re-reads the cell:
 * it starts with =, +, -, @ (or their full-width forms ＝＋－＠, which Excel's
 * East Asian input turns into the same operators), a tab or a carriage return.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * A cell's text for a CSV file. A CSV has no cell types, so the convention is to
 * prefix an apostrophe to anything that looks like a formula: Excel and
 * LibreOffice then show it as text (with the apostrophe visible in the cell, the
 * price of the format). Numbers are written as they are: -3 is a number, not a formula.
 */
export function neutralise(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const s = String(value);
  return looksLikeFormula(s) ? `'${s}` : s;
}

/**
 * A CSV file (with a header row) whose every cell is safe to open in a
 * spreadsheet: UTF-8 with a byte order mark (without one, Excel reads a
 * double-clicked file as Windows-1252 and "Zoë" becomes "ZoÃ«") and CRLF line
 * ends (RFC 4180, and what Excel writes).
 */
export function toCsv<T>(rows: T[], columns: { header: string; value: (row: T) => unknown }[]): string {
  return stringify(
    [
      columns.map((c) => neutralise(c.header)),
      ...rows.map((r) => columns.map((c) => neutralise(c.value(r)))),
    ],
    { bom: true, record_delimiter: 'windows' },
  );
}
