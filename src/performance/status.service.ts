import { loadWorkingCalendar } from '../platform/calendar/closure-days.repo.ts';
import type { Db, DbOrTrx } from '../platform/db/db.ts';
import { newId } from '../platform/ids.ts';
import { loadEpisodes } from './episodes.repo.ts';
import { evaluateChild } from './rules/engine.rules.ts';
import type { ChildRuleStatusTable } from './schema.ts';
import { loadRuleSettings } from './settings.repo.ts';
import { childIdsAndTeams, forgetStatusesAsOf, replaceStatuses, statusState } from './status.repo.ts';
import { addTrends, type Trends, weeklyTrends } from './trends.rules.ts';

export { storedTrends } from './status.repo.ts';

/** Children whose episodes are read and worked out at a time: memory stays flat however many visits there are. */
const CHILDREN_PER_BATCH = 1000;

/**
 * Works out every child's status on every rule as of a day and stores it in
 * child_rule_status, which the dashboards read (a page then needs one indexed
 * query, not the whole engine). Run after an import, by the nightly job, and
 * when a page finds the stored day is not today. The swap happens in one
 * transaction, so readers see the old statuses or the new, never a mixture.
 */
export async function refreshStatuses(db: Db, asOf: string): Promise<{ children: number; rows: number }> {
  const [cal, settings] = await Promise.all([loadWorkingCalendar(db), loadRuleSettings(db)]);
  const allIds = await childIdsAndTeams(db);
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
  const all = trends ?? weeklyTrends([], cal, asOf, settings);
  await db
    .transaction()
    .execute((trx) => replaceStatuses(trx, { asOf, version: newId(), rows, trends: all }));
  return { children: allIds.length, rows: rows.length };
}

/**
 * Forgets which day the stored statuses are for, inside the transaction that
 * changes a rule: if the recalculation that follows fails, the next page that
 * reads them (ensureStatuses) works them out again, rather than a day's
 * answers standing under the old rule.
 */
export async function markStatusesStale(trx: DbOrTrx): Promise<void> {
  await forgetStatusesAsOf(trx);
}

/** The day the stored statuses were worked out for, if any. */
export async function statusesAsOf(db: Db): Promise<string | null> {
  return (await statusState(db)).asOf ?? null;
}

let refreshing: Promise<unknown> | null = null;

/**
 * Makes sure the stored statuses are for the day (one refresh at a time in
 * this process) and returns their version.
 */
export async function ensureStatuses(db: Db, asOf: string): Promise<string> {
  const state = await statusState(db);
  if (state.asOf === asOf) return state.version;
  refreshing ??= refreshStatuses(db, asOf).finally(() => {
    refreshing = null;
  });
  await refreshing;
  return (await statusState(db)).version;
}
