import { type Selectable, sql } from 'kysely';
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

/**
 * The modules, and some people's latest completion of each: for what is due for each of them. One
 * query (every view of a bulletin edition asks it for its reader): the modules, each beside each of
 * these people's latest completion of it, or beside nothing when none of them has done it.
 */
export async function completionsOf(db: DbOrTrx, staffIds: readonly string[]) {
  const rows = await db
    .selectFrom('lrn_modules as m')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('lrn_completions')
          .select(['staff_id', 'module_id', sql<string>`max(completed_on)`.as('last')])
          // No person has the empty id: `in ()` is not SQL.
          .where('staff_id', 'in', staffIds.length ? [...staffIds] : [''])
          .groupBy(['staff_id', 'module_id'])
          .as('d'),
      (j) => j.onRef('d.module_id', '=', 'm.id'),
    )
    .selectAll('m')
    .select(['d.staff_id', 'd.last'])
    .orderBy('m.title')
    .orderBy('m.id')
    .execute();
  const modules = new Map<string, Selectable<Database['lrn_modules']>>();
  const done: { staff_id: string; module_id: string; last: string }[] = [];
  for (const { staff_id, last, ...module } of rows) {
    if (!modules.has(module.id)) modules.set(module.id, module);
    if (staff_id !== null && last !== null) done.push({ staff_id, module_id: module.id, last });
  }
  return { modules: [...modules.values()], lastOf: latestOf(done) };
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
