import { looksLikeFormula } from '../csv.ts';

export const DATE_FORMAT = 'd mmm yyyy';
export const DATE_TIME_FORMAT = 'd mmm yyyy hh:mm';

/** One XLSX cell: its value (null for a truly empty cell), number format, and whether it is quote-prefixed text. */
export interface XlsxCell {
  value: string | number | Date | null;
  numFmt?: string;
  quotePrefix?: boolean;
  /** Roughly how many characters wide it shows, for the column width. */
  width: number;
}

const EMPTY: XlsxCell = { value: null, width: 0 };
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

const london = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * An instant as the wall-clock time in London, in the form Excel stores:
 * a spreadsheet date has no time zone, and exceljs turns a Date into a serial
 * number from its UTC fields, so the UTC fields must read as London's clock.
 */
export function londonWallClock(instant: Date): Date {
  const p = Object.fromEntries(london.formatToParts(instant).map((x) => [x.type, x.value]));
  return new Date(
    Date.UTC(
      Number(p.year),
      Number(p.month) - 1,
      Number(p.day),
      Number(p.hour),
      Number(p.minute),
      Number(p.second),
      instant.getUTCMilliseconds(),
    ),
  );
}

/** A date cell from an ISO date, an ISO instant or a Date; null when the value is none of them. */
export function dateCell(value: unknown, format?: string): XlsxCell | null {
  if (typeof value === 'string') {
    const d = ISO_DATE.exec(value);
    if (d) {
      const date = new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])));
      if (date.toISOString().startsWith(value))
        return { value: date, numFmt: format ?? DATE_FORMAT, width: 11 };
      return null;
    }
    if (!ISO_INSTANT.test(value)) return null;
  }
  const instant = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
  if (!instant || Number.isNaN(instant.getTime())) return null;
  return { value: londonWallClock(instant), numFmt: format ?? DATE_TIME_FORMAT, width: 17 };
}

function textCell(value: unknown): XlsxCell {
  const text = String(value);
  const width = Math.max(...text.split('\n').map((l) => l.length));
  return looksLikeFormula(text) ? { value: text, quotePrefix: true, width } : { value: text, width };
}

function numberCell(n: number, format?: string): XlsxCell {
  return { value: n, numFmt: format, width: String(n).length };
}

/** The XLSX cell for one value of a column of the given type. */
export function xlsxCell(value: unknown, type?: 'text' | 'number' | 'date', format?: string): XlsxCell {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (type === 'text') return textCell(value);
  if (type === 'date' || value instanceof Date) return dateCell(value, format) ?? textCell(value);
  if (typeof value === 'number' && Number.isFinite(value)) return numberCell(value, format);
  if (type === 'number' && typeof value === 'string' && DECIMAL.test(value.trim())) {
    return numberCell(Number(value.trim()), format);
  }
  return textCell(value);
}
