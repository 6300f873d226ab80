import { loadWorkingCalendar } from '../platform/calendar/closure-days.repo.ts';
import type { Db, DbOrTrx } from '../platform/db/db.ts';
import { newId } from '../platform/ids.ts';
import { insertInBatches, loadEpisodes } from './episodes.repo.ts';
import { evaluateChild } from './rules/engine.rules.ts';
import type { ChildRuleStatusTable } from './schema.ts';
import { loadRuleSettings } from './settings.repo.ts';
import { addTrends, type Trends, weeklyTrends } from './trends.rules.ts';

const AS_OF_KEY = 'statuses_as_of';
// Changes with every refresh, so a page's cached view knows when it is out of date.
const VERSION_KEY = 'statuses_version';
const TRENDS_KEY = 'trends';

/**
 * Works out every child's status on every rule as of a day and stores it in
 * child_rule_status, which the dashboards read (a page then needs one indexed
 * query, not the whole engine). Run after an import, by the nightly job, and
 * when a page finds the stored day is not today. The swap happens in one
 * transaction, so readers see the old statuses or the new, never a mixture.
 */
/** Children whose episodes are read and worked out at a time: memory stays flat however many visits there are. */
const CHILDREN_PER_BATCH = 1000;

export async function refreshStatuses(db: Db, asOf: string): Promise<{ children: number; rows: number }> {
  const [cal, settings] = await Promise.all([loadWorkingCalendar(db), loadRuleSettings(db)]);
  const allIds = await db.selectFrom('children').select(['id', 'team_id']).orderBy('id').execute();
  const rows: ChildRuleStatusTable[] = [];
  let trends: Trends | null = null;
  for (let i = 0; i < allIds.length; i += CHILDREN_PER_BATCH) {
    const batch = allIds.slice(i, i + CHILDREN_PER_BATCH);
    const episodes = await loadEpisodes(
      db,
      batch.map((c) => c.id),
    );
    for (const { id } of batch) {
      for (const r of evaluateChild(episodes.get(id)!, cal, asOf, settings)) {
        if (r.status === 'not-applicable') continue;
        rows.push({
          child_id: id,
          rule: r.rule,
          as_of: asOf,
          status: r.status,
          due_day: r.dueDay,
          last_day: r.lastDay,
          days_late: r.daysLate,
          open: r.open ? 1 : 0,
        });
      }
    }
    const batchTrends = weeklyTrends(
      batch.map((c) => ({ teamId: c.team_id, episodes: episodes.get(c.id)! })),
      cal,
      asOf,
      settings,
    );
    trends = trends ? addTrends(trends, batchTrends) : batchTrends;
  }
  trends ??= weeklyTrends([], cal, asOf, settings);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('performance_state').where('key', '=', TRENDS_KEY).execute();
    await trx
      .insertInto('performance_state')
      .values({ key: TRENDS_KEY, value: JSON.stringify(trends) })
      .execute();
    await trx.deleteFrom('child_rule_status').execute();
    await insertInBatches(trx, 'child_rule_status', rows, 500);
    await trx.deleteFrom('performance_state').where('key', 'in', [AS_OF_KEY, VERSION_KEY]).execute();
    await trx
      .insertInto('performance_state')
      .values([
        { key: AS_OF_KEY, value: asOf },
        { key: VERSION_KEY, value: newId() },
      ])
      .execute();
  });
  return { children: allIds.length, rows: rows.length };
}

/**
 * Forgets which day the stored statuses are for, inside the transaction that
 * changes a rule: if the recalculation that follows fails, the next page that
 * reads them (ensureStatuses) works them out again, rather than a day's
 * answers standing under the old rule.
 */
export async function markStatusesStale(trx: DbOrTrx): Promise<void> {
  await trx.deleteFrom('performance_state').where('key', '=', AS_OF_KEY).execute();
}

/** The day the stored statuses were worked out for, if any. */
export async function statusesAsOf(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('performance_state')
    .select('value')
    .where('key', '=', AS_OF_KEY)
    .executeTakeFirst();
  return row?.value ?? null;
}

let refreshing: Promise<unknown> | null = null;

/**
 * Makes sure the stored statuses are for the day (one refresh at a time in
 * this process) and returns their version.
 */
export async function ensureStatuses(db: Db, asOf: string): Promise<string> {
  const read = async () => {
    const rows = await db
      .selectFrom('performance_state')
      .select(['key', 'value'])
      .where('key', 'in', [AS_OF_KEY, VERSION_KEY])
      .execute();
    return {
      asOf: rows.find((r) => r.key === AS_OF_KEY)?.value,
      version: rows.find((r) => r.key === VERSION_KEY)?.value ?? '',
    };
  };
  const state = await read();
  if (state.asOf === asOf) return state.version;
  refreshing ??= refreshStatuses(db, asOf).finally(() => {
    refreshing = null;
  });
  await refreshing;
  return (await read()).version;
}

/** The week-by-week trends stored with the statuses. */
export async function storedTrends(db: Db): Promise<Trends> {
  const row = await db
    .selectFrom('performance_state')
    .select('value')
    .where('key', '=', TRENDS_KEY)
    .executeTakeFirst();
  return row ? (JSON.parse(row.value) as Trends) : { weeks: [], byTeam: {} };
}
