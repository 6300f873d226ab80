import type { DbOrTrx } from '../platform/db/db.ts';
import { insertInBatches } from './episodes.repo.ts';
import type { ChildRuleStatusTable } from './schema.ts';
import type { Trends } from './trends.rules.ts';

const AS_OF_KEY = 'statuses_as_of';
// Changes with every refresh, so a page's cached view knows when it is out of date.
const VERSION_KEY = 'statuses_version';
const TRENDS_KEY = 'trends';

/** Every child's id and team, in id order (the batches statuses are worked out in). */
export function childIdsAndTeams(db: DbOrTrx) {
  return db.selectFrom('children').select(['id', 'team_id']).orderBy('id').execute();
}

/** Swaps in a new set of statuses and trends, as of a day, under a new version. Call inside a transaction. */
export async function replaceStatuses(
  trx: DbOrTrx,
  next: { asOf: string; version: string; rows: readonly ChildRuleStatusTable[]; trends: Trends },
) {
  await trx.deleteFrom('performance_state').where('key', '=', TRENDS_KEY).execute();
  await trx
    .insertInto('performance_state')
    .values({ key: TRENDS_KEY, value: JSON.stringify(next.trends) })
    .execute();
  await trx.deleteFrom('child_rule_status').execute();
  await insertInBatches(trx, 'child_rule_status', next.rows, 500);
  await trx.deleteFrom('performance_state').where('key', 'in', [AS_OF_KEY, VERSION_KEY]).execute();
  await trx
    .insertInto('performance_state')
    .values([
      { key: AS_OF_KEY, value: next.asOf },
      { key: VERSION_KEY, value: next.version },
    ])
    .execute();
}

/** Forgets which day the stored statuses are for. */
export async function forgetStatusesAsOf(trx: DbOrTrx): Promise<void> {
  await trx.deleteFrom('performance_state').where('key', '=', AS_OF_KEY).execute();
}

/** The day the stored statuses were worked out for, and their version. */
export async function statusState(db: DbOrTrx): Promise<{ asOf: string | undefined; version: string }> {
  const rows = await db
    .selectFrom('performance_state')
    .select(['key', 'value'])
    .where('key', 'in', [AS_OF_KEY, VERSION_KEY])
    .execute();
  return {
    asOf: rows.find((r) => r.key === AS_OF_KEY)?.value,
    version: rows.find((r) => r.key === VERSION_KEY)?.value ?? '',
  };
}

/** The week-by-week trends stored with the statuses. */
export async function storedTrends(db: DbOrTrx): Promise<Trends> {
  const row = await db
    .selectFrom('performance_state')
    .select('value')
    .where('key', '=', TRENDS_KEY)
    .executeTakeFirst();
  return row ? (JSON.parse(row.value) as Trends) : { weeks: [], byTeam: {} };
}
