import { sql } from 'kysely';
import type { Actor } from '../../platform/audit/audit.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Db, type DbOrTrx, isPostgres } from '../../platform/db/db.ts';
import { parseRow } from './fields.ts';
import { IdSet } from './id-set.ts';
import type { ImportContext, KindSpec } from './kinds.ts';
import { orderedId } from './ordered-id.ts';
import { csvRecords, FileProblem, IMPORT_LIMITS } from './read-csv.ts';
import { upsertValues } from './upsert.ts';

export interface ImportProblem {
  row: number | null;
  message: string;
}
export type Progress = (phase: 'checking' | 'writing', rows: number) => void;
export type CheckResult =
  | { ok: true; rows: number; preview: Record<string, unknown>[] }
  | { ok: false; errors: ImportProblem[]; errorCount: number };

export async function loadContext(db: DbOrTrx, today: string): Promise<ImportContext> {
  const [children, staff, teams] = await Promise.all([
    db.selectFrom('children').select(['id', 'local_id']).execute(),
    db.selectFrom('staff').select(['id', 'staff_number', 'team_id']).execute(),
    db.selectFrom('teams').select(['id', 'name']).execute(),
  ]);
  return {
    today,
    childIds: new Map(children.map((c) => [c.local_id, c.id])),
    staff: new Map(staff.map((s) => [s.staff_number, { id: s.id, teamId: s.team_id }])),
    teams: new Map(teams.map((t) => [t.name.toLowerCase(), t.id])),
  };
}

type Row = { row: number; mapped: Record<string, unknown>; parsed: Record<string, unknown> };

/**
 * Hands each valid data row of the file, mapped for its table, to onRow (awaited only when it
 * returns a promise); problems go to onProblem. A callback rather than a generator: a second
 * layer of async iteration cost about half a second a million rows on each pass.
 */
async function eachRow(
  spec: KindSpec,
  file: string,
  ctx: ImportContext,
  onProblem: (p: ImportProblem) => void,
  onRow: (r: Row) => Promise<void> | undefined,
) {
  const parsers = spec.cells(ctx.today);
  let index: Map<string, number> | undefined;
  for await (const { row, cells } of csvRecords(file)) {
    if (!index) {
      index = headerIndex(spec, cells);
      continue;
    }
    const long = cells.findIndex((c) => c.length > IMPORT_LIMITS.maxCellLength);
    if (long >= 0) {
      onProblem({ row, message: `a cell is longer than ${IMPORT_LIMITS.maxCellLength} characters` });
      continue;
    }
    const at = index;
    const parsed = parseRow(parsers, (column) => cells[at.get(column) ?? -1] ?? '');
    if (!parsed.ok) {
      onProblem({ row, message: parsed.message });
      continue;
    }
    const mapped = spec.toRow(parsed.value, ctx);
    if ('error' in mapped) onProblem({ row, message: mapped.error });
    else {
      const pending = onRow({ row, mapped: mapped.row, parsed: parsed.value });
      if (pending) await pending;
    }
  }
  if (!index) throw new FileProblem('The file is empty: it needs a header row and at least one row of data.');
}

function headerIndex(spec: KindSpec, cells: string[]): Map<string, number> {
  const names = cells.map((c) => c.trim().toLowerCase());
  const missing = spec.columns.filter((c) => c.required && !names.includes(c.name)).map((c) => c.name);
  if (missing.length)
    throw new FileProblem(
      `This is not a ${spec.title.toLowerCase()} file: the header row lacks ${missing.join(', ')}. Download the template to see the columns.`,
    );
  return new Map(names.map((n, i) => [n, i]));
}

const idColumn = (spec: KindSpec) => spec.columns[0]!.name;

/**
 * Rows in one insert statement, and the most bound values one may hold (SQLite's limit is
 * 32,766). Measured on 1,000,000 visits: 1,000 and 2,000 rows a statement were no faster than 500
 * (14.6 s and 14.7 s against 13.4 s) and 2,000 took 50 MB more memory.
 */
const BATCH_ROWS = 500;
const MAX_PARAMETERS = 32_000;

/** First pass: every row checked, nothing written. */
export async function checkFile(
  db: DbOrTrx,
  spec: KindSpec,
  file: string,
  today: string,
  progress?: Progress,
): Promise<CheckResult> {
  const ctx = await loadContext(db, today);
  const errors: ImportProblem[] = [];
  let errorCount = 0;
  const problem = (p: ImportProblem) => {
    errorCount++;
    if (errors.length < IMPORT_LIMITS.maxErrorsKept) errors.push(p);
  };
  const seen = new IdSet();
  const preview: Record<string, unknown>[] = [];
  let rows = 0;
  try {
    await eachRow(spec, file, ctx, problem, (r) => {
      const id = r.parsed[idColumn(spec)] as string;
      if (!seen.add(id))
        problem({ row: r.row, message: `${idColumn(spec)} ${id} appears more than once in the file` });
      rows++;
      if (preview.length < 10) preview.push(r.parsed);
      if (rows % 10_000 === 0) progress?.('checking', rows);
      return undefined;
    });
  } catch (err) {
    if (err instanceof FileProblem)
      return { ok: false, errors: [{ row: null, message: err.message }], errorCount: 1 };
    throw err;
  }
  progress?.('checking', rows);
  if (errorCount) return { ok: false, errors, errorCount };
  if (rows === 0)
    return {
      ok: false,
      errors: [{ row: null, message: 'The file has a header row but no data.' }],
      errorCount: 1,
    };
  return { ok: true, rows, preview };
}

/**
 * Checks the whole file, then (only if every row is right) writes it in
 * batches inside one transaction, so a file goes in completely or not at all.
 * Rows are matched on their id: importing the same file again changes nothing.
 */
export async function importFile(
  db: Db,
  clock: Clock,
  actor: Actor,
  spec: KindSpec,
  file: { path: string; name: string },
  today: string,
  progress?: Progress,
) {
  const checked = await checkFile(db, spec, file.path, today, progress);
  if (!checked.ok) return checked;
  const now = clock.now().toISOString();
  const counts = await db.transaction().execute(async (trx) => {
    // The context is read again inside the transaction, so what was checked is what is written.
    const ctx = await loadContext(trx, today);
    const count = async () =>
      Number(
        (
          await trx
            .selectFrom(spec.table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    // SQLite's default page cache (2 MB) is far smaller than the indexes a big file touches; a
    // larger cache for this connection keeps random-order index inserts in memory. 64 MB is the
    // knee: 32 MB took 18.9 s for a million visits against 13.3 s, and 128 MB was no faster
    // but peaked 80 MB higher.
    if (!isPostgres(trx)) await sql`pragma cache_size = -65536`.execute(trx);
    const totals = { rows: 0, added: 0, changed: 0 };
    let written = 0;
    // Each batch's values go straight into one array rather than an object per row (a new array
    // each time: Kysely freezes the parameters it is given).
    let columns: string[] | undefined;
    let perBatch = 0;
    let values: unknown[] = [];
    const flush = async () => {
      written += await upsertValues(trx, spec.table, columns!, values);
      totals.rows += values.length / columns!.length;
      values = [];
      progress?.('writing', totals.rows);
    };
    const fail = (p: ImportProblem) => {
      throw new FileProblem(
        `Row ${p.row}: ${p.message} (the data changed while importing; nothing was written)`,
      );
    };
    const stamped = spec.table === 'children';
    await eachRow(spec, file.path, ctx, fail, (r) => {
      const mapped = r.mapped;
      if (!columns) {
        columns = ['id', ...Object.keys(mapped), ...(stamped ? ['created_at', 'updated_at'] : [])];
        perBatch = Math.min(BATCH_ROWS, Math.floor(MAX_PARAMETERS / columns.length));
      }
      values.push(orderedId());
      for (const c in mapped) values.push(mapped[c] ?? null);
      if (stamped) values.push(now, now);
      return values.length >= perBatch * columns.length ? flush() : undefined;
    });
    if (values.length) await flush();
    totals.added = (await count()) - before;
    if (!isPostgres(trx)) await sql`pragma cache_size = -2000`.execute(trx);
    totals.changed = written - totals.added;
    await recordAudit(trx, clock, actor, {
      action: 'import',
      recordType: 'children',
      summary: `Imported ${spec.title.toLowerCase()} from ${file.name}: ${totals.rows} rows, ${totals.added} added, ${totals.changed} changed`,
    });
    return totals;
  });
  return { ok: true as const, ...counts, unchanged: counts.rows - counts.added - counts.changed };
}
