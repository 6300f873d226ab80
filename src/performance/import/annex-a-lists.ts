import type { CellValue } from './xlsx-read.ts';

/**
 * Ofsted's Annex A lists 4–8 as the Hub reads them: the headings it needs from each (exactly as
 * shared/domain.md gives them from Ofsted's template), how a cell's value is read, and the records
 * of our own kinds (kinds.ts) each row becomes. Pure: no database, no files.
 */

export type Reader = 'id' | 'date' | 'answer' | 'text';
type Make = (c: (heading: string) => string, child: string) => AnnexRecord[];
export interface AnnexRecord {
  kind: string;
  values: Record<string, string>;
  /** Our column → the Annex A heading it came from, so messages name the heading. */
  from: Record<string, string>;
}
export interface ListSpec {
  list: number;
  about: string;
  /** Headings read, with how; all must be present. */
  columns: Record<string, Reader>;
  make: Make;
}

export const CHILD_ID = 'Child Unique ID';
const id = (list: number, what: string, child: string, day: string) => `AA${list}-${what}-${child}-${day}`;

const visit = (
  list: number,
  c: (h: string) => string,
  heading: string,
  child: string,
  kind: string,
  alone?: string,
) => {
  const day = c(heading);
  return day
    ? [
        {
          kind: 'visits',
          values: {
            visit_id: id(list, 'V', child, day),
            child_id: child,
            date: day,
            kind,
            seen: 'yes',
            seen_alone: alone ? c(alone) : '',
          },
          from: { date: heading, ...(alone ? { seen_alone: alone } : {}) },
        },
      ]
    : [];
};
const meeting = (list: number, c: (h: string) => string, heading: string, child: string, kind: string) => {
  const day = c(heading);
  return day
    ? [
        {
          kind: 'meetings',
          values: { meeting_id: id(list, 'M', child, day), child_id: child, kind, date: day },
          from: { date: heading },
        },
      ]
    : [];
};

const A4 = {
  start: 'Continuous Assessment Start Date',
  seen: 'Child Seen During Continuous Assessment',
  authorised: 'Continuous Assessment Date of Authorisation',
  support: 'Was the child assessed as requiring LA children’s social care support?',
};
const A5 = {
  strategy: 'Strategy discussion initiating Section 47 Enquiry Start Date',
  unnecessary: 'Was an Initial Child Protection Conference deemed unnecessary?',
  icpc: 'Date of Initial Child Protection Conference',
};
const A6 = { start: 'CIN Start Date', seen: 'Date Child Was Last Seen', closed: 'CIN Closure Date' };
const A7 = {
  start: 'Child Protection Plan Start Date',
  category: 'Initial Category of Abuse',
  visit: 'Date of the Last Statutory Visit',
  alone: 'Was the Child Seen Alone?',
  review: 'Date of latest review conference',
  end: 'Child Protection Plan End Date',
};
const A8 = {
  start: 'Date Started to be Looked After',
  legal: 'Child’s Legal Status',
  review: 'Date of Latest Statutory Review',
  visit: 'Date of Last Social Work Visit',
  ceased: 'Date Ceased to be Looked After',
};

export const LISTS: ListSpec[] = [
  {
    list: 4,
    about: 'assessments',
    columns: {
      [CHILD_ID]: 'id',
      [A4.start]: 'date',
      [A4.seen]: 'answer',
      [A4.authorised]: 'date',
      [A4.support]: 'answer',
    },
    make: (c, child) => [
      {
        kind: 'assessments',
        // Annex A has no referral date: the assessment's start stands in for it (the census convention).
        values: {
          assessment_id: id(4, 'A', child, c(A4.start)),
          child_id: child,
          referral_date: c(A4.start),
          start_date: c(A4.start),
          authorised_date: c(A4.authorised),
          outcome:
            c(A4.support) === 'yes'
              ? 'Needs children’s social care support'
              : c(A4.support) === 'no'
                ? 'No children’s social care support needed'
                : '',
        },
        from: { referral_date: A4.start, start_date: A4.start, authorised_date: A4.authorised },
      },
    ],
  },
  {
    list: 5,
    about: 'section 47 enquiries',
    columns: { [CHILD_ID]: 'id', [A5.strategy]: 'date', [A5.unnecessary]: 'answer', [A5.icpc]: 'date' },
    make: (c, child) => [
      {
        kind: 'enquiries',
        values: {
          enquiry_id: id(5, 'E', child, c(A5.strategy)),
          child_id: child,
          strategy_date: c(A5.strategy),
          icpc_date: c(A5.icpc),
          icpc_unnecessary: c(A5.unnecessary),
        },
        from: { strategy_date: A5.strategy, icpc_date: A5.icpc, icpc_unnecessary: A5.unnecessary },
      },
    ],
  },
  {
    list: 6,
    about: 'children in need',
    columns: { [CHILD_ID]: 'id', [A6.start]: 'date', [A6.seen]: 'date', [A6.closed]: 'date' },
    make: (c, child) => [
      {
        kind: 'plans',
        values: {
          plan_id: id(6, 'P', child, c(A6.start)),
          child_id: child,
          kind: 'cin',
          start_date: c(A6.start),
          end_date: c(A6.closed),
        },
        from: { start_date: A6.start, end_date: A6.closed },
      },
      ...visit(6, c, A6.seen, child, 'cin'),
    ],
  },
  {
    list: 7,
    about: 'child protection',
    columns: {
      [CHILD_ID]: 'id',
      [A7.start]: 'date',
      [A7.category]: 'text',
      [A7.visit]: 'date',
      [A7.alone]: 'answer',
      [A7.review]: 'date',
      [A7.end]: 'date',
    },
    make: (c, child) => [
      {
        kind: 'plans',
        values: {
          plan_id: id(7, 'P', child, c(A7.start)),
          child_id: child,
          kind: 'cp',
          start_date: c(A7.start),
          end_date: c(A7.end),
          category: c(A7.category),
        },
        from: { start_date: A7.start, end_date: A7.end, category: A7.category },
      },
      ...visit(7, c, A7.visit, child, 'cp', A7.alone),
      ...meeting(7, c, A7.review, child, 'rcpc'),
    ],
  },
  {
    list: 8,
    about: 'children looked after',
    columns: {
      [CHILD_ID]: 'id',
      [A8.start]: 'date',
      [A8.legal]: 'text',
      [A8.review]: 'date',
      [A8.visit]: 'date',
      [A8.ceased]: 'date',
    },
    make: (c, child) => [
      {
        kind: 'looked-after',
        values: {
          period_id: id(8, 'L', child, c(A8.start)),
          child_id: child,
          start_date: c(A8.start),
          end_date: c(A8.ceased),
          legal_status: c(A8.legal),
        },
        from: { start_date: A8.start, end_date: A8.ceased, legal_status: A8.legal },
      },
      ...visit(8, c, A8.visit, child, 'lac'),
      ...meeting(8, c, A8.review, child, 'lac-review'),
    ],
  },
];

/**
 * A heading or sheet name compared as a person reads it: any case, any spaces (non-breaking
 * too), any punctuation — "Child’s Legal Status", "Childs legal status " and
 * "Unaccompanied … (Y/N))" with a doubled bracket all compare equal to the template's heading.
 */
export const headingKey = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

/** The Annex A list a sheet holds, from its name ("List 4", "List_4", "list4 ", "List 4 - Assessments"), or null. */
export function listNumber(sheetName: string): number | null {
  const words = sheetName
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  const m = /^list ?(\d{1,2})(?: |$)/.exec(words) ?? /^list ?(\d{1,2})(?=[a-z])/.exec(words);
  const n = m ? Number(m[1]) : Number.NaN;
  return n >= 1 && n <= 11 ? n : null;
}

export class CellProblem extends Error {}

const SPACES = /[\s\u00a0\u2007\u202f\ufeff]+/g;
/** "a) Yes", "b) Female": the code an answer is written with. */
const CODE = /^\(?[a-z]{1,2}\)\s*/i;
const NOT_KNOWN = new Set(['', '#n/a', 'n/a']);

const plain = (s: string) => s.replace(SPACES, ' ').trim();

/** An Excel date serial (1900 system, as Excel counts it) as YYYY-MM-DD; the time of day is dropped. */
export function serialDay(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  // Day 60 is Excel's 29 February 1900, which did not happen; days after it are one too many.
  const days = Math.floor(serial) - (serial >= 61 ? 25_569 : 25_568);
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

const realDay = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
    ? t.toISOString().slice(0, 10)
    : null;
};

const TIME = '(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z)?)?';
const UK = new RegExp(`^(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})${TIME}$`);
const ISO = new RegExp(`^(\\d{4})-(\\d{2})-(\\d{2})${TIME}$`);

/** A date written as text: dd/mm/yyyy (with or without a time, such as "24/11/2026 00:00:00") or YYYY-MM-DD. */
export function textDay(s: string): string | null {
  const uk = UK.exec(s);
  if (uk) return realDay(Number(uk[3]), Number(uk[2]), Number(uk[1]));
  const iso = ISO.exec(s);
  return iso ? realDay(Number(iso[1]), Number(iso[2]), Number(iso[3])) : null;
}

const shown = (s: string) => `“${s.length > 30 ? `${s.slice(0, 30)}…` : s}”`;

/**
 * A cell as the text our CSV parsers take ('' for not known), or a CellProblem in plain words.
 * Dates become YYYY-MM-DD; answers "yes", "no" or ''.
 */
export function readCell(cell: CellValue | undefined, reader: Reader, heading: string): string {
  if (cell === undefined) return '';
  if (cell.kind === 'formula')
    throw new CellProblem(`${heading} holds a formula; save the workbook with values instead of formulas`);
  if (cell.kind === 'error') {
    if (cell.text.toUpperCase() === '#N/A') return '';
    throw new CellProblem(`${heading} holds the error ${cell.text}`);
  }
  switch (reader) {
    case 'date': {
      if (cell.kind === 'date') {
        const d = serialDay(cell.serial);
        if (d) return d;
        throw new CellProblem(`${heading} holds a date Excel cannot show`);
      }
      if (cell.kind === 'number')
        throw new CellProblem(`${heading} holds the number ${cell.value}, not a date`);
      const s = cell.kind === 'bool' ? String(cell.value) : plain(cell.text);
      if (NOT_KNOWN.has(s.toLowerCase())) return '';
      const d = textDay(s);
      if (d) return d;
      throw new CellProblem(`${heading} ${shown(s)} is not a date; write it as dd/mm/yyyy`);
    }
    case 'answer': {
      if (cell.kind === 'bool') return cell.value ? 'yes' : 'no';
      if (cell.kind !== 'text') throw new CellProblem(`${heading} must be Yes, No or empty`);
      const s = plain(cell.text)
        .replace(CODE, '')
        .replace(/[.\s]+$/, '')
        .toLowerCase();
      if (NOT_KNOWN.has(s) || s === 'unknown' || s === 'not known') return '';
      if (s === 'yes' || s === 'y') return 'yes';
      if (s === 'no' || s === 'n') return 'no';
      throw new CellProblem(`${heading} ${shown(plain(cell.text))} must be Yes, No or empty`);
    }
    case 'id': {
      if (cell.kind === 'number')
        return Number.isInteger(cell.value) ? String(cell.value) : String(cell.value);
      const s = cell.kind === 'text' || cell.kind === 'iso-date' ? plain(cell.text) : '';
      return NOT_KNOWN.has(s.toLowerCase()) ? '' : s;
    }
    case 'text': {
      const s =
        cell.kind === 'text' || cell.kind === 'iso-date'
          ? plain(cell.text)
          : cell.kind === 'number'
            ? String(cell.value)
            : cell.kind === 'bool'
              ? String(cell.value)
              : String(cell.serial);
      return NOT_KNOWN.has(s.toLowerCase()) ? '' : s.replace(CODE, '');
    }
  }
}
