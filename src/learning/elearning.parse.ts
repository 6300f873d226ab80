import { parse } from 'csv-parse/sync';
import { isDay } from '../platform/calendar/days.ts';
import type { FileProblem } from '../platform/http/forms.ts';
import { completionProblem, LEARNING_RECORDS_BEGIN } from './dates.rules.ts';

/**
 * The e-learning system's CSV of completions, read and checked without I/O:
 * every row is checked and every problem listed with its row number (row 1 is
 * the header), so an import saves all the rows or none.
 */
export const COMPLETION_COLUMNS = ['email', 'module', 'completed_on'] as const;
const MAX_ROWS = 50_000;

export type CompletionRecord = Record<string, string>;

/** The file's rows by column name, or why the file as a whole cannot be read. */
export function readCompletionsCsv(
  text: string,
): { ok: true; records: CompletionRecord[] } | { ok: false; errors: FileProblem[] } {
  let records: CompletionRecord[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
    });
  } catch (err) {
    return {
      ok: false,
      errors: [{ row: null, message: `The file is not valid CSV: ${(err as Error).message}` }],
    };
  }
  const first = text.split(/\r?\n/)[0]?.toLowerCase() ?? '';
  const missing = COMPLETION_COLUMNS.filter((c) => !first.includes(c));
  if (missing.length)
    return { ok: false, errors: [{ row: 1, message: `Missing columns: ${missing.join(', ')}` }] };
  if (records.length === 0) return { ok: false, errors: [{ row: null, message: 'The file has no rows.' }] };
  if (records.length > MAX_ROWS)
    return { ok: false, errors: [{ row: null, message: `The file has more than ${MAX_ROWS} rows.` }] };
  return { ok: true, records };
}

export interface CompletionRow {
  staffId: string;
  moduleId: string;
  day: string;
}

/** Each row matched to a member of staff and a module, with a completion day not after today. */
export function checkCompletionRows(
  records: CompletionRecord[],
  lookups: { staffByEmail: Map<string, string>; moduleByTitle: Map<string, string> },
  today: string,
): { rows: CompletionRow[]; errors: FileProblem[] } {
  const errors: FileProblem[] = [];
  const rows: CompletionRow[] = [];
  records.forEach((r, i) => {
    const row = i + 2;
    const staffId = lookups.staffByEmail.get((r.email ?? '').toLowerCase());
    const moduleId = lookups.moduleByTitle.get((r.module ?? '').toLowerCase());
    const day = r.completed_on ?? '';
    if (!staffId)
      errors.push({ row, message: `No member of staff has the email ${JSON.stringify(r.email ?? '')}` });
    if (!moduleId)
      errors.push({ row, message: `There is no e-learning module called ${JSON.stringify(r.module ?? '')}` });
    if (!isDay(day))
      errors.push({ row, message: `completed_on must be a date as YYYY-MM-DD, not ${JSON.stringify(day)}` });
    else if (day > today) errors.push({ row, message: `completed_on ${day} is in the future` });
    else if (completionProblem(day, today))
      errors.push({
        row,
        message: `completed_on ${day} is before ${LEARNING_RECORDS_BEGIN}, when the learning records begin`,
      });
    if (staffId && moduleId && isDay(day) && !completionProblem(day, today))
      rows.push({ staffId, moduleId, day });
  });
  return { rows, errors };
}
