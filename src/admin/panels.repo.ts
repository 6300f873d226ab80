import type { DbOrTrx } from '../platform/db/db.ts';

/** People whose sign-in is locked now (after wrong passwords), A to Z. */
export async function lockedAccounts(db: DbOrTrx, now: Date) {
  return db
    .selectFrom('staff')
    .select(['id', 'name'])
    .where('locked_until', '>', now.toISOString())
    .orderBy('name')
    .execute();
}
