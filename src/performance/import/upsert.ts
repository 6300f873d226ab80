import { sql } from 'kysely';
import type { DbOrTrx } from '../../platform/db/db.ts';
import type { ImportTable } from './kinds.ts';

// Columns never overwritten by a later import of the same row.
const KEEP = new Set(['id', 'local_id', 'created_at', 'updated_at']);

/**
 * Inserts new rows and updates existing ones (matched on local_id) only where
 * a value differs, so re-importing the same file writes nothing. Returns how
 * many rows were added and how many changed.
 */
export async function upsertBatch(db: DbOrTrx, table: ImportTable, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return { added: 0, changed: 0 };
  const ids = rows.map((r) => r.local_id as string);
  const existing = await db.selectFrom(table).select('local_id').where('local_id', 'in', ids).execute();
  const data = Object.keys(rows[0]!).filter((c) => !KEEP.has(c));
  const differs = sql<boolean>`${sql.join(
    data.map((c) => sql`${sql.ref(`${table}.${c}`)} is distinct from ${sql.ref(`excluded.${c}`)}`),
    sql` or `,
  )}`;
  const set: Record<string, unknown> = Object.fromEntries(data.map((c) => [c, sql.ref(`excluded.${c}`)]));
  if (table === 'children') set.updated_at = sql.ref('excluded.updated_at');
  // biome-ignore lint/suspicious/noExplicitAny: rows are mapped for this table by its import kind
  const insert = db.insertInto(table).values(rows as any) as any;
  const written: unknown[] = await insert
    // biome-ignore lint/suspicious/noExplicitAny: as above
    .onConflict((oc: any) => oc.column('local_id').doUpdateSet(set).where(differs))
    .returning('local_id')
    .execute();
  const added = rows.length - existing.length;
  return { added, changed: written.length - added };
}
