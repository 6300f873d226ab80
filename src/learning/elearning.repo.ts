import { sql } from 'kysely';
import type { DbOrTrx } from '../platform/db/db.ts';
import type { Database } from '../platform/db/schema.ts';
import { whereInScope } from '../platform/db/scope.ts';
import type { ListScope } from '../platform/policy/policy.ts';
import type { LrnCompletionsTable } from './schema.ts';

const modulesByTitle = (db: DbOrTrx) => db.selectFrom('lrn_modules').selectAll().orderBy('title').execute();

/** A lookup of each person's latest completion of each module, from the grouped rows. */
function latestOf(done: { staff_id: string; module_id: string; last: string }[]) {
  const last = new Map(done.map((d) => [`${d.staff_id}|${d.module_id}`, d.last]));
  return (staffId: string, moduleId: string) => last.get(`${staffId}|${moduleId}`) ?? null;
}

/**
 * Each active person's latest completion of each module (null when never), with
 * their team and service; only the people in `scope` (everyone by default).
 */
export async function latestCompletions(db: DbOrTrx, scope: ListScope = { kind: 'all' }) {
  const [people, modules, done] = await Promise.all([
    db
      .selectFrom('staff')
      .leftJoin('teams', 'teams.id', 'staff.team_id')
      .select(['staff.id', 'staff.name', 'staff.team_id', 'teams.name as team', 'teams.service_id'])
      .where('staff.active', '=', 1)
      .where(
        whereInScope<Database, 'staff' | 'teams'>(scope, {
          owner: 'staff.id',
          team: 'staff.team_id',
          service: 'teams.service_id',
        }),
      )
      .orderBy('staff.name')
      .execute(),
    modulesByTitle(db),
    // Only the completions of the people in scope: one person's "For you" in a bulletin of 3,000
    // must not read the whole authority's completions.
    db
      .selectFrom('lrn_completions as c')
      .innerJoin('staff', 'staff.id', 'c.staff_id')
      .leftJoin('teams', 'teams.id', 'staff.team_id')
      .select(['c.staff_id', 'c.module_id', sql<string>`max(c.completed_on)`.as('last')])
      .where(
        whereInScope<Database, 'staff' | 'teams'>(scope, {
          owner: 'staff.id',
          team: 'staff.team_id',
          service: 'teams.service_id',
        }),
      )
      .groupBy(['c.staff_id', 'c.module_id'])
      .execute(),
  ]);
  return { people, modules, lastOf: latestOf(done) };
}

export async function findModule(db: DbOrTrx, id: string) {
  return db.selectFrom('lrn_modules').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every member of staff by email address (lower case), and every module by title (lower case), for an import. */
export async function importLookups(db: DbOrTrx) {
  const [staff, modules] = await Promise.all([
    db.selectFrom('staff').select(['id', 'email']).execute(),
    db.selectFrom('lrn_modules').select(['id', 'title']).execute(),
  ]);
  return {
    staffByEmail: new Map(staff.map((s) => [s.email.toLowerCase(), s.id])),
    moduleByTitle: new Map(modules.map((m) => [m.title.toLowerCase(), m.id])),
  };
}

/** Inserts completions, 500 rows a statement. */
export async function insertCompletions(db: DbOrTrx, rows: LrnCompletionsTable[]) {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('lrn_completions')
      .values(rows.slice(i, i + 500))
      .execute();
}
