import { CompiledQuery } from 'kysely';
import { type DbOrTrx, isPostgres } from '../../platform/db/db.ts';
import type { ImportTable } from './kinds.ts';

// Columns never overwritten by a later import of the same row.
const KEEP = new Set(['id', 'local_id', 'created_at']);
const q = (name: string) => `"${name}"`;
const texts = new Map<string, string>();

/**
 * Inserts new rows and updates existing ones (matched on local_id) only where
 * a value differs, so re-importing the same file writes nothing. Returns how
 * many rows were written (added or changed).
 *
 * The statement is written here rather than built by Kysely's query builder:
 * building a 500-row insert node by node cost more than running it, and a
 * million-row file is 2,000 of them. The text depends only on the table, the
 * columns and the number of rows, so it is made once and SQLite's prepared
 * statement is reused; every value is still a bound parameter.
 */
export async function upsertBatch(db: DbOrTrx, table: ImportTable, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return 0;
  const columns = Object.keys(rows[0]!);
  const values: unknown[] = [];
  for (const r of rows) for (const c of columns) values.push(r[c] ?? null);
  return upsertValues(db, table, columns, values);
}

/**
 * The same, for rows already laid out one after another in `values` (each row's
 * values in the order of `columns`): a million-row import fills one array per
 * batch instead of making an object for every row.
 */
export async function upsertValues(db: DbOrTrx, table: ImportTable, columns: string[], values: unknown[]) {
  const rows = values.length / columns.length;
  if (rows === 0) return 0;
  const postgres = isPostgres(db);
  // Without `returning`, both drivers report the rows inserted or updated (a row whose values
  // are all the same is neither), and no result row is made for each of a million rows.
  const result = await db.executeQuery(CompiledQuery.raw(statement(table, columns, rows, postgres), values));
  return Number(result.numAffectedRows ?? 0);
}

/**
 * The same statement, returning the local ids it inserted or updated (not those whose values
 * were all the same): for imports that report what changed record by record (Annex A).
 */
export async function upsertReturning(
  db: DbOrTrx,
  table: ImportTable,
  columns: string[],
  values: unknown[],
  postgres: boolean,
): Promise<string[]> {
  const rows = values.length / columns.length;
  if (rows === 0) return [];
  const text = `${statement(table, columns, rows, postgres)} returning ${q('local_id')}`;
  const result = await db.executeQuery<{ local_id: string }>(CompiledQuery.raw(text, values));
  return result.rows.map((r) => r.local_id);
}

function statement(table: ImportTable, columns: string[], rows: number, postgres: boolean) {
  const key = `${postgres}:${table}:${columns.join(',')}:${rows}`;
  let text = texts.get(key);
  if (!text) {
    const data = columns.filter((c) => !KEEP.has(c));
    let n = 0;
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    text =
      `insert into ${q(table)} (${columns.map(q).join(', ')}) values ${Array(rows).fill(tuple).join(', ')} ` +
      `on conflict (local_id) do update set ${data.map((c) => `${q(c)} = excluded.${q(c)}`).join(', ')} ` +
      `where ${data
        .filter((c) => c !== 'updated_at')
        .map((c) => `${q(table)}.${q(c)} is distinct from excluded.${q(c)}`)
        .join(' or ')}`;
    if (postgres) text = text.replace(/\?/g, () => `$${++n}`);
    texts.set(key, text);
  }
  return text;
}
