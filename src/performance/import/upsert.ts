import { CompiledQuery, PostgresAdapter } from 'kysely';
import type { DbOrTrx } from '../../platform/db/db.ts';
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
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const key = `${postgres}:${table}:${columns.join(',')}:${rows.length}`;
  let text = texts.get(key);
  if (!text) {
    const data = columns.filter((c) => !KEEP.has(c));
    let n = 0;
    const tuple = () => `(${columns.map(() => (postgres ? `$${++n}` : '?')).join(', ')})`;
    text =
      `insert into ${q(table)} (${columns.map(q).join(', ')}) values ${rows.map(tuple).join(', ')} ` +
      `on conflict (local_id) do update set ${data.map((c) => `${q(c)} = excluded.${q(c)}`).join(', ')} ` +
      `where ${data
        .filter((c) => c !== 'updated_at')
        .map((c) => `${q(table)}.${q(c)} is distinct from excluded.${q(c)}`)
        .join(' or ')} ` +
      'returning local_id';
    texts.set(key, text);
  }
  const params: unknown[] = [];
  for (const r of rows) for (const c of columns) params.push(r[c] ?? null);
  const result = await db.executeQuery(CompiledQuery.raw(text, params));
  return result.rows.length;
}
