import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/db.ts';
import { workbookZipProblem } from './annex-a-zip.ts';
import { parseRow } from './fields.ts';
import { type ImportTable, kindSpec } from './kinds.ts';
import { orderedId } from './ordered-id.ts';
import { type ImportProblem, loadContext } from './run.ts';
import { upsertBatch } from './upsert.ts';

/**
 * Ofsted's Annex A workbook, lists 4–8 (column names as in shared/domain.md).
 * Annex A holds only the latest visit and review of each child, and no names:
 * it adds to children already imported (by Child Unique ID) and never creates
 * them. Each list row becomes records of our own kinds with ids made from the
 * list, the child and the date, so importing the same workbook again changes
 * nothing; every record goes through the same checks as a CSV row.
 */
type Make = (
  cell: (name: string) => string,
  child: string,
) => { kind: string; values: Record<string, string> }[];
const id = (list: number, what: string, child: string, day: string) => `AA${list}-${what}-${child}-${day}`;

const LISTS: Record<number, { columns: string[]; make: Make }> = {
  4: {
    columns: ['Continuous Assessment Start Date', 'Date of Authorisation'],
    make: (c, child) => [
      {
        kind: 'assessments',
        // Annex A has no referral date: the assessment's start stands in for it (the census convention).
        values: {
          assessment_id: id(4, 'A', child, c('Continuous Assessment Start Date')),
          child_id: child,
          referral_date: c('Continuous Assessment Start Date'),
          start_date: c('Continuous Assessment Start Date'),
          authorised_date: c('Date of Authorisation'),
        },
      },
    ],
  },
  5: {
    columns: [
      'Strategy discussion initiating Section 47 Enquiry Start Date',
      'Was an ICPC deemed unnecessary?',
      'Date of ICPC',
    ],
    make: (c, child) => [
      {
        kind: 'enquiries',
        values: {
          enquiry_id: id(5, 'E', child, c('Strategy discussion initiating Section 47 Enquiry Start Date')),
          child_id: child,
          strategy_date: c('Strategy discussion initiating Section 47 Enquiry Start Date'),
          icpc_date: c('Date of ICPC'),
          icpc_unnecessary: c('Was an ICPC deemed unnecessary?'),
        },
      },
    ],
  },
  6: {
    columns: ['CIN Start Date', 'Date Child Was Last Seen', 'CIN Closure Date'],
    make: (c, child) => [
      {
        kind: 'plans',
        values: {
          plan_id: id(6, 'P', child, c('CIN Start Date')),
          child_id: child,
          kind: 'cin',
          start_date: c('CIN Start Date'),
          end_date: c('CIN Closure Date'),
        },
      },
      ...visit(6, c('Date Child Was Last Seen'), child, 'cin', ''),
    ],
  },
  7: {
    columns: [
      'CP Plan Start Date',
      'Initial Category of Abuse',
      'Date of the Last Statutory Visit',
      'Was the Child Seen Alone?',
      'Date of latest review conference',
      'CP Plan End Date',
    ],
    make: (c, child) => [
      {
        kind: 'plans',
        values: {
          plan_id: id(7, 'P', child, c('CP Plan Start Date')),
          child_id: child,
          kind: 'cp',
          start_date: c('CP Plan Start Date'),
          end_date: c('CP Plan End Date'),
          category: c('Initial Category of Abuse'),
        },
      },
      ...visit(7, c('Date of the Last Statutory Visit'), child, 'cp', c('Was the Child Seen Alone?')),
      ...meeting(7, c('Date of latest review conference'), child, 'rcpc'),
    ],
  },
  8: {
    columns: [
      'Date Started to be Looked After',
      'Legal Status',
      'Date of Latest Statutory Review',
      'Date of Last Social Work Visit',
    ],
    make: (c, child) => [
      {
        kind: 'looked-after',
        values: {
          period_id: id(8, 'L', child, c('Date Started to be Looked After')),
          child_id: child,
          start_date: c('Date Started to be Looked After'),
          legal_status: c('Legal Status'),
        },
      },
      ...visit(8, c('Date of Last Social Work Visit'), child, 'lac', ''),
      ...meeting(8, c('Date of Latest Statutory Review'), child, 'lac-review'),
    ],
  },
};

const visit = (list: number, day: string, child: string, kind: string, alone: string) =>
  day
    ? [
        {
          kind: 'visits',
          values: {
            visit_id: id(list, 'V', child, day),
            child_id: child,
            date: day,
            kind,
            seen: 'yes',
            seen_alone: alone,
          },
        },
      ]
    : [];
const meeting = (list: number, day: string, child: string, kind: string) =>
  day
    ? [
        {
          kind: 'meetings',
          values: { meeting_id: id(list, 'M', child, day), child_id: child, kind, date: day },
        },
      ]
    : [];

/** A cell as text: dates as YYYY-MM-DD (Excel dates or dd/mm/yyyy text), formulas refused. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? 'not a date' : value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'formula' in value) throw new Error('formula');
  if (typeof value === 'object' && 'richText' in value)
    return (value as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
  const s = String(value).trim();
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  return uk ? `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}` : s;
}

export const MAX_ANNEX_A_ROWS = 200_000;

/** Reads and checks the whole workbook, writing nothing: its records, or every problem. */
export async function checkAnnexA(db: Db, file: { path: string }, today: string) {
  const fail = (errors: ImportProblem[]) => ({
    ok: false as const,
    errors: errors.slice(0, 200),
    errorCount: errors.length,
  });
  const unsafe = workbookZipProblem(file.path);
  if (unsafe) return fail([{ row: null, message: unsafe }]);
  const ctx = await loadContext(db, today);
  const errors: ImportProblem[] = [];
  const records = new Map<ImportTable, Record<string, unknown>[]>();
  const seen = new Set<string>();
  let lists = 0;
  let rows = 0;
  // Loaded when a workbook arrives, not at start-up (exceljs takes about 200 ms to load).
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file.path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  try {
    for await (const sheet of reader) {
      const name = (sheet as unknown as { name?: string }).name ?? '';
      const list = Number(/^\s*list\s*([4-8])\b/i.exec(name)?.[1]);
      if (!LISTS[list]) continue;
      lists++;
      let header: Map<string, number> | undefined;
      for await (const row of sheet) {
        const values = (row.values as unknown[]).slice(1);
        const where = `${name}, row ${row.number}`;
        if (!header) {
          header = new Map(values.map((v, i) => [cellText(v).toLowerCase(), i]));
          const missing = ['Child Unique ID', ...LISTS[list]!.columns].filter(
            (c) => !header!.has(c.toLowerCase()),
          );
          if (missing.length)
            return fail([
              {
                row: null,
                message: `${name} is not Annex A list ${list}: it has no column ${missing.join(', ')}.`,
              },
            ]);
          continue;
        }
        if (++rows > MAX_ANNEX_A_ROWS)
          return fail([{ row: null, message: `The workbook has more than ${MAX_ANNEX_A_ROWS} rows.` }]);
        let texts: string[];
        try {
          texts = values.map(cellText);
        } catch {
          errors.push({ row: row.number, message: `${where}: a cell holds a formula; paste values instead` });
          continue;
        }
        const at = header;
        const cell = (column: string) => texts[at.get(column.toLowerCase()) ?? -1] ?? '';
        const child = cell('Child Unique ID');
        if (!child) continue;
        for (const r of LISTS[list]!.make(cell, child)) {
          const spec = kindSpec(r.kind)!;
          const parsed = parseRow(spec.cells(today), (c) => r.values[c] ?? '');
          const mapped = parsed.ok ? spec.toRow(parsed.value, ctx) : { error: parsed.message };
          if ('error' in mapped) errors.push({ row: row.number, message: `${where}: ${mapped.error}` });
          else if (!seen.has(`${spec.table}:${mapped.row.local_id}`)) {
            seen.add(`${spec.table}:${mapped.row.local_id}`);
            const list = records.get(spec.table) ?? [];
            list.push({ id: orderedId(), ...mapped.row });
            records.set(spec.table, list);
          }
        }
      }
    }
  } catch (err) {
    return fail([
      {
        row: null,
        message: `The workbook could not be read: ${String((err as Error).message ?? err).slice(0, 200)}`,
      },
    ]);
  }
  if (lists === 0)
    return fail([
      { row: null, message: 'This is not an Annex A workbook: it has no sheet named List 4, 5, 6, 7 or 8.' },
    ]);
  if (errors.length) return fail(errors);
  const preview = [...records].flatMap(([table, list]) =>
    list
      .slice(0, 5)
      .map((r) => ({ table: table.replace('child_', '').replace('_', ' '), local_id: String(r.local_id) })),
  );
  return { ok: true as const, rows, records, preview };
}

/** Checks the whole workbook, then writes every record in one transaction: all or nothing. */
export async function importAnnexA(
  db: Db,
  clock: Clock,
  actor: Actor,
  file: { path: string; name: string },
  today: string,
) {
  const checked = await checkAnnexA(db, file, today);
  if (!checked.ok) return checked;
  const { rows, records } = checked;
  const written = await db.transaction().execute(async (trx) => {
    let n = 0;
    for (const [table, list] of records)
      for (let i = 0; i < list.length; i += 500) n += await upsertBatch(trx, table, list.slice(i, i + 500));
    await recordAudit(trx, clock, actor, {
      action: 'import',
      recordType: 'children',
      summary: `Imported Annex A workbook ${file.name}: ${rows} rows, ${n} records added or changed`,
    });
    return n;
  });
  return { ok: true as const, rows, written };
}
