import { sql } from 'kysely';
import type { DbOrTrx } from '../platform/db/db.ts';

/** Each active person's latest completion of each module (null when never), with their team and service. */
export async function latestCompletions(db: DbOrTrx) {
  const [people, modules, done] = await Promise.all([
    db
      .selectFrom('staff')
      .leftJoin('teams', 'teams.id', 'staff.team_id')
      .select(['staff.id', 'staff.name', 'staff.team_id', 'teams.name as team', 'teams.service_id'])
      .where('staff.active', '=', 1)
      .orderBy('staff.name')
      .execute(),
    db.selectFrom('lrn_modules').selectAll().orderBy('title').execute(),
    db
      .selectFrom('lrn_completions')
      .select(['staff_id', 'module_id', sql<string>`max(completed_on)`.as('last')])
      .groupBy(['staff_id', 'module_id'])
      .execute(),
  ]);
  const last = new Map(done.map((d) => [`${d.staff_id}|${d.module_id}`, d.last]));
  return {
    people,
    modules,
    lastOf: (staffId: string, moduleId: string) => last.get(`${staffId}|${moduleId}`) ?? null,
  };
}
