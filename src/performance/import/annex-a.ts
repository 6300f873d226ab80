import { sql } from 'kysely';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Db, type DbOrTrx, isPostgres } from '../../platform/db/db.ts';
import {
  CellProblem,
  CHILD_ID,
  headingKey,
  LISTS,
  type ListSpec,
  listNumber,
  readCell,
} from './annex-a-lists.ts';
import { parseRow } from './fields.ts';
import { IdSet } from './id-set.ts';
import { type ImportContext, type ImportTable, type KindSpec, kindSpec } from './kinds.ts';
import { orderedId } from './ordered-id.ts';
import { IMPORT_LIMITS } from './read-csv.ts';
import { type ImportProblem, loadContext, type Progress } from './run.ts';
import { upsertReturning } from './upsert.ts';
import {
  columnLetters,
  openWorkbook,
  type SheetInfo,
  type SheetRow,
  sheetRows,
  type Workbook,
} from './xlsx-read.ts';
import { WorkbookProblem } from './xlsx-zip.ts';

/**
 * Ofsted's Annex A workbook, lists 4–8 (headings and records in annex-a-lists.ts).
 *
 * Like the CSV imports it reads the file twice and holds no rows between: the first pass checks
 * every row of every list and writes nothing; the second, inside one transaction, reads the
 * workbook again and writes it in batches. Every list 4–8 must be there and is read to its last
 * row, or the whole workbook is refused with the reason. Annex A holds no names and only each
 * child's latest visit and review, so it adds to children already imported (by Child Unique ID)
 * and never creates them; each row's records have ids made from the list, the child and the
 * date, so importing the same workbook again changes nothing.
 */

export const MAX_ANNEX_A_ROWS = 200_000;
/** Rows of a list written together (each gives up to three records); 500 took a third less time than 200. */
const BATCH_ROWS = 500;

export interface ListCount {
  list: number;
  sheet: string;
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
}

interface Found {
  spec: ListSpec;
  sheet: SheetInfo;
}

type Fail = { ok: false; errors: ImportProblem[]; errorCount: number };
const refuse = (message: string, row: number | null = null): Fail => ({
  ok: false,
  errors: [{ row, message }],
  errorCount: 1,
});

/** Which sheets are lists 4–8, and a line about the rest; a sentence if the workbook will not do. */
function findLists(wb: Workbook): { found: Found[]; ignored: string[] } | string {
  const found: Found[] = [];
  const others: number[] = [];
  const notLists: string[] = [];
  for (const sheet of wb.sheets) {
    const n = listNumber(sheet.name);
    const spec = LISTS.find((l) => l.list === n);
    if (spec) {
      const twice = found.find((f) => f.spec === spec);
      if (twice)
        return `Sheets “${twice.sheet.name}” and “${sheet.name}” (sheets ${twice.sheet.position} and ${sheet.position}) are both list ${n}: keep one.`;
      found.push({ spec, sheet });
    } else if (n !== null) others.push(n);
    else notLists.push(sheet.name);
  }
  if (found.length === 0)
    return 'This is not an Annex A workbook: it has no sheet named List 4, 5, 6, 7 or 8.';
  const missing = LISTS.filter((l) => !found.some((f) => f.spec === l));
  if (missing.length)
    return `The workbook has no ${missing.map((l) => `List ${l.list} (${l.about})`).join(', ')}: an Annex A return has lists 4 to 8, so nothing was imported. Sheets found: ${wb.sheets.map((s) => `“${s.name}”`).join(', ')}.`;
  const ignored: string[] = [];
  if (others.length)
    ignored.push(
      `${others.length === 1 ? 'List' : 'Lists'} ${others.sort((a, b) => a - b).join(', ')} ${others.length === 1 ? 'is' : 'are'} not read: the Hub uses lists 4 to 8.`,
    );
  if (notLists.length)
    ignored.push(
      `${notLists.map((s) => `“${s}”`).join(', ')} ${notLists.length === 1 ? 'is not an Annex A list and was' : 'are not Annex A lists and were'} not read.`,
    );
  return { found: found.sort((a, b) => a.spec.list - b.spec.list), ignored };
}

interface RowRecords {
  list: number;
  row: number;
  records: { table: ImportTable; localId: string; row: Record<string, unknown> }[];
}

/**
 * Reads every row of every list, in list order, handing each row's checked records to onRow
 * and each problem to onProblem. Throws WorkbookProblem for a sheet or part that cannot be read.
 */
async function eachRow(
  wb: Workbook,
  found: Found[],
  ctx: ImportContext,
  onProblem: (p: ImportProblem) => void,
  onRow: (r: RowRecords) => Promise<void> | undefined,
  onListDone: (list: number, rows: number) => Promise<void> | undefined,
) {
  let total = 0;
  // Each kind's cell parsers, made once rather than for every record.
  const parsers = new Map<string, ReturnType<KindSpec['cells']>>();
  const cellsOf = (kind: KindSpec) => {
    let p = parsers.get(kind.kind);
    if (!p) {
      p = kind.cells(ctx.today);
      parsers.set(kind.kind, p);
    }
    return p;
  };
  for (const { spec, sheet } of found) {
    const name = `${sheet.name} (sheet ${sheet.position})`;
    let index: Map<string, number> | undefined;
    let rows = 0;
    const rowsOf = async function* () {
      try {
        yield* sheetRows(wb, sheet);
      } catch (err) {
        // A part that cannot be read is named with its sheet, as the person knows it.
        if (err instanceof WorkbookProblem && !err.message.startsWith(sheet.name))
          throw new WorkbookProblem(`${name}: ${err.message[0]!.toLowerCase()}${err.message.slice(1)}`);
        throw err;
      }
    };
    for await (const batch of rowsOf()) {
      for (const r of batch) {
        if (!index) {
          index = headings(spec, r, name);
          continue;
        }
        if (++total > MAX_ANNEX_A_ROWS)
          throw new WorkbookProblem(
            `The workbook has more than ${MAX_ANNEX_A_ROWS.toLocaleString('en-GB')} rows in lists 4 to 8: is this one authority’s return?`,
          );
        const where = `${sheet.name}, row ${r.row}`;
        const values = new Map<string, string>();
        const problems: string[] = [];
        for (const [heading, reader] of Object.entries(spec.columns)) {
          const at = index.get(heading)!;
          try {
            values.set(heading, readCell(r.cells[at], reader, heading));
          } catch (err) {
            if (!(err instanceof CellProblem)) throw err;
            problems.push(`column ${columnLetters(at)}: ${err.message}`);
          }
        }
        if (problems.length) {
          onProblem({ row: r.row, message: `${where}: ${problems.join('; ')}` });
          continue;
        }
        const child = values.get(CHILD_ID)!;
        if (!child) {
          if ([...values.values()].some((v) => v !== ''))
            onProblem({ row: r.row, message: `${where}: the ${CHILD_ID} is empty` });
          continue;
        }
        rows++;
        const out: RowRecords = { list: spec.list, row: r.row, records: [] };
        let bad = false;
        for (const made of spec.make((h) => values.get(h) ?? '', child)) {
          const kind = kindSpec(made.kind)!;
          const parsed = parseRow(cellsOf(kind), (c) => made.values[c] ?? '');
          const mapped = parsed.ok ? kind.toRow(parsed.value, ctx) : { error: parsed.message };
          if ('error' in mapped) {
            onProblem({ row: r.row, message: `${where}: ${inHeadings(mapped.error, made.from)}` });
            bad = true;
          } else
            out.records.push({ table: kind.table, localId: String(mapped.row.local_id), row: mapped.row });
        }
        if (!bad) {
          const pending = onRow(out);
          if (pending) await pending;
        }
      }
    }
    if (!index) throw new WorkbookProblem(`${name} is empty: it needs its headings in the first row.`);
    const pending = onListDone(spec.list, rows);
    if (pending) await pending;
  }
}

/** The columns of a list by heading, compared loosely (headingKey); a sentence naming what is missing. */
function headings(spec: ListSpec, header: SheetRow, name: string): Map<string, number> {
  const byKey = new Map<string, number>();
  header.cells.forEach((c, i) => {
    if (c?.kind === 'text' && !byKey.has(headingKey(c.text))) byKey.set(headingKey(c.text), i);
  });
  const index = new Map<string, number>();
  const missing: string[] = [];
  for (const heading of Object.keys(spec.columns)) {
    const at = byKey.get(headingKey(heading));
    if (at === undefined) missing.push(`“${heading}”`);
    else index.set(heading, at);
  }
  if (missing.length)
    throw new WorkbookProblem(
      `${name} is not Annex A list ${spec.list}: row ${header.row} (its headings) has no column ${missing.join(', ')}.`,
    );
  return index;
}

/** A message from the CSV checks, with our column names replaced by the Annex A headings. */
function inHeadings(message: string, from: Record<string, string>) {
  return message
    .replace(/\b(child_id)\b/g, CHILD_ID)
    .replace(/\b([a-z]+(?:_[a-z]+)+|date)\b/g, (w) => (from[w] ? `“${from[w]}”` : w));
}

const problemText = (err: unknown) =>
  err instanceof WorkbookProblem
    ? err.message
    : `The workbook could not be read: ${String((err as Error).message ?? err).slice(0, 200)}`;

type Opened = { ok: true; wb: Workbook; found: Found[]; ignored: string[] } | Fail;
async function opened(file: string): Promise<Opened> {
  let wb: Workbook;
  try {
    wb = await openWorkbook(file);
  } catch (err) {
    return refuse(problemText(err));
  }
  const lists = findLists(wb);
  if (typeof lists === 'string') return refuse(lists);
  const unreadable = lists.found.find((f) => f.sheet.part === null);
  if (unreadable)
    return refuse(
      `${unreadable.sheet.name} (sheet ${unreadable.sheet.position}) is named in the workbook but its part is missing from the file: save the workbook again.`,
    );
  return { ok: true as const, wb, ...lists };
}

export type AnnexACheck =
  | {
      ok: true;
      rows: number;
      lists: { list: number; sheet: string; rows: number }[];
      ignored: string[];
      preview: { table: string; local_id: string }[];
    }
  | Fail;

/** First pass: every row of every list checked, nothing written and no rows kept. */
export async function checkAnnexA(
  db: DbOrTrx,
  file: { path: string },
  today: string,
  progress?: Progress,
  open?: Opened,
): Promise<AnnexACheck> {
  open ??= await opened(file.path);
  if (!open.ok) return open;
  const { wb, found, ignored } = open;
  const ctx = await loadContext(db, today);
  const errors: ImportProblem[] = [];
  let errorCount = 0;
  const seen = new IdSet();
  const preview: { table: string; local_id: string }[] = [];
  const lists: { list: number; sheet: string; rows: number }[] = [];
  let rows = 0;
  try {
    await eachRow(
      wb,
      found,
      ctx,
      (p) => {
        errorCount++;
        if (errors.length < IMPORT_LIMITS.maxErrorsKept) errors.push(p);
      },
      (r) => {
        const main = r.records[0]!;
        if (!seen.add(`${main.table}:${main.localId}`)) {
          errorCount++;
          if (errors.length < IMPORT_LIMITS.maxErrorsKept)
            errors.push({
              row: r.row,
              message: `${found.find((f) => f.spec.list === r.list)!.sheet.name}, row ${r.row}: the same child and start date as an earlier row of the list`,
            });
        }
        for (const rec of r.records)
          if (preview.length < 10)
            preview.push({ table: rec.table.replace('child_', '').replace('_', ' '), local_id: rec.localId });
        if (++rows % 2_000 === 0) progress?.('checking', rows);
        return undefined;
      },
      (list, n) => {
        lists.push({ list, sheet: found.find((f) => f.spec.list === list)!.sheet.name, rows: n });
        return undefined;
      },
    );
  } catch (err) {
    return refuse(problemText(err));
  }
  progress?.('checking', rows);
  if (errorCount) return { ok: false, errors, errorCount };
  return { ok: true, rows, lists, ignored, preview };
}

export type AnnexAResult =
  | { ok: true; rows: number; lists: ListCount[]; ignored: string[]; summary: string[] }
  | Fail;

/** The summary, a line per list and a line for what was not read. */
export function annexASummary(lists: ListCount[], ignored: string[]): string[] {
  return [
    ...lists.map(
      (l) =>
        `List ${l.list} (“${l.sheet}”): ${l.rows} ${l.rows === 1 ? 'row' : 'rows'} read, ${l.added} added, ${l.changed} changed, ${l.unchanged} unchanged.`,
    ),
    ...ignored,
  ];
}

/**
 * Checks the whole workbook, then writes it inside one transaction: all or nothing. A row is
 * "added" when its main record (the assessment, enquiry, plan or period of care) is new,
 * "changed" when that existed but the row added or changed any of its records (a newer visit,
 * a review), and "unchanged" otherwise.
 */
export async function importAnnexA(
  db: Db,
  clock: Clock,
  actor: Actor,
  file: { path: string; name: string },
  today: string,
  progress?: Progress,
): Promise<AnnexAResult> {
  // Opened once: the structure and shared strings are read once, each sheet twice.
  const open = await opened(file.path);
  if (!open.ok) return open;
  const checked = await checkAnnexA(db, file, today, progress, open);
  if (!checked.ok) return checked;
  const { wb, found, ignored } = open;
  try {
    return await db.transaction().execute(async (trx) => {
      // The context is read again inside the transaction, so what was checked is what is written.
      const ctx = await loadContext(trx, today);
      const counts: ListCount[] = [];
      const seen = new IdSet();
      let batch: RowRecords[] = [];
      let current: ListCount | undefined;
      let done = 0;
      const postgres = isPostgres(trx);
      // As for the CSV imports (run.ts): a larger page cache for this connection while writing.
      if (!postgres) await sql`pragma cache_size = -65536`.execute(trx);
      const flush = async () => {
        if (!batch.length) return;
        const outcome = await writeBatch(trx, batch, postgres);
        for (const [i, r] of batch.entries()) {
          const c = counts.find((x) => x.list === r.list)!;
          c[outcome[i]!]++;
        }
        done += batch.length;
        batch = [];
        progress?.('writing', done);
      };
      const fail = (p: ImportProblem) => {
        throw new WorkbookProblem(`${p.message} (the data changed while importing; nothing was written)`);
      };
      await eachRow(
        wb,
        found,
        ctx,
        fail,
        (r) => {
          if (!current || current.list !== r.list) {
            current = {
              list: r.list,
              sheet: found.find((f) => f.spec.list === r.list)!.sheet.name,
              rows: 0,
              added: 0,
              changed: 0,
              unchanged: 0,
            };
            counts.push(current);
          }
          current.rows++;
          // A record two rows both give (the same visit in two rows) is written once, for the first.
          r.records = r.records.filter((rec, i) => seen.add(`${rec.table}:${rec.localId}`) || i === 0);
          batch.push(r);
          return batch.length >= BATCH_ROWS ? flush() : undefined;
        },
        async (list) => {
          await flush();
          if (!counts.some((c) => c.list === list))
            counts.push({
              list,
              sheet: found.find((f) => f.spec.list === list)!.sheet.name,
              rows: 0,
              added: 0,
              changed: 0,
              unchanged: 0,
            });
        },
      );
      await flush();
      if (!postgres) await sql`pragma cache_size = -2000`.execute(trx);
      counts.sort((a, b) => a.list - b.list);
      const rows = counts.reduce((n, c) => n + c.rows, 0);
      const summary = annexASummary(counts, ignored);
      await recordAudit(trx, clock, actor, {
        action: 'import',
        recordType: 'children',
        summary: `Imported Annex A workbook ${file.name}: ${summary.join(' ')}`.slice(0, 1000),
      });
      return { ok: true as const, rows, lists: counts, ignored, summary };
    });
  } catch (err) {
    if (err instanceof WorkbookProblem) return refuse(err.message);
    throw err;
  }
}

/**
 * Writes a batch of rows' records, table by table, and says of each row whether it was added,
 * changed or unchanged: which ids existed is read first, which were written comes back from
 * the upsert.
 */
async function writeBatch(trx: DbOrTrx, batch: RowRecords[], postgres: boolean) {
  const byTable = new Map<ImportTable, { localId: string; row: Record<string, unknown> }[]>();
  for (const r of batch)
    for (const rec of r.records) {
      const list = byTable.get(rec.table) ?? [];
      list.push(rec);
      byTable.set(rec.table, list);
    }
  const existed = new Set<string>();
  const written = new Set<string>();
  for (const [table, recs] of byTable) {
    const ids = recs.map((r) => r.localId);
    const before = await trx.selectFrom(table).select('local_id').where('local_id', 'in', ids).execute();
    for (const b of before) existed.add(`${table}:${b.local_id}`);
    // Rows of one statement must have the same columns: a record's absent values are null.
    const columns = ['id', ...new Set(recs.flatMap((r) => Object.keys(r.row)))];
    const values: unknown[] = [];
    for (const r of recs) {
      values.push(orderedId());
      for (const c of columns.slice(1)) values.push(r.row[c] ?? null);
    }
    for (const id of await upsertReturning(trx, table, columns, values, postgres))
      written.add(`${table}:${id}`);
  }
  return batch.map((r): 'added' | 'changed' | 'unchanged' => {
    const main = r.records[0]!;
    if (!existed.has(`${main.table}:${main.localId}`)) return 'added';
    return r.records.some((rec) => written.has(`${rec.table}:${rec.localId}`)) ? 'changed' : 'unchanged';
  });
}
