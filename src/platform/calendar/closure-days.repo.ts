import type { DbOrTrx } from '../db/db.ts';
import type { ClosureDaysTable } from '../db/schema.ts';
import { WorkingCalendar } from './working-days.ts';

export type ClosureDayRow = ClosureDaysTable;

/** Closure days in date order; only those of one year if a year is given. */
export async function listClosureDays(db: DbOrTrx, year?: number): Promise<ClosureDayRow[]> {
  let q = db.selectFrom('closure_days').selectAll();
  // Days are 'YYYY-MM-DD' text, so a year is a text range on both dialects.
  if (year !== undefined) q = q.where('day', '>=', `${year}-01-01`).where('day', '<=', `${year}-12-31`);
  return q.orderBy('day').execute();
}

/** Adds the day unless it is already there: true if it was added. */
export async function insertClosureDay(db: DbOrTrx, row: ClosureDayRow): Promise<boolean> {
  // ON CONFLICT DO NOTHING rather than check-then-insert, so two people adding the same day at
  // once cannot both succeed (or fail with a raw key violation) on PostgreSQL.
  const added = await db
    .insertInto('closure_days')
    .values(row)
    .onConflict((oc) => oc.column('day').doNothing())
    .returning('day')
    .executeTakeFirst();
  return added !== undefined;
}

/** Removes the day: the removed row, or undefined if there was none. */
export async function deleteClosureDay(db: DbOrTrx, day: string): Promise<ClosureDayRow | undefined> {
  return db.deleteFrom('closure_days').where('day', '=', day).returningAll().executeTakeFirst();
}

/** The working-day calendar with this authority's closure days. */
export async function loadWorkingCalendar(db: DbOrTrx): Promise<WorkingCalendar> {
  const rows = await db.selectFrom('closure_days').select(['day', 'reason']).execute();
  return new WorkingCalendar(rows);
}
