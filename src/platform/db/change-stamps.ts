import type { DbOrTrx } from './db.ts';

export type StampName = 'standards' | 'standard-acks' | 'people' | 'learning' | 'lessons' | 'bulletin';

/**
 * Where the named kinds of data stand, as one string that changes whenever any of them
 * changes, in any process (the triggers keep the numbers; see the migration). Read it before
 * reading the data a cached view is made from: the view can then be newer than its stamp,
 * never older.
 */
export async function changeStamp(db: DbOrTrx, names: StampName[]): Promise<string> {
  const rows = await db
    .selectFrom('change_stamps')
    .select(['name', 'n'])
    .where('name', 'in', names)
    .execute();
  return stampOf(names, rows);
}

/**
 * The stamp from the `change_stamps` rows of those names, for a caller that reads them in a query
 * of its own (a page read on every view, where each query is a round trip on PostgreSQL).
 */
export function stampOf(names: readonly StampName[], rows: readonly { name: string; n: number | string }[]) {
  const n = new Map(rows.map((r) => [r.name, String(r.n)]));
  return names.map((name) => `${name}:${n.get(name) ?? '?'}`).join(' ');
}
