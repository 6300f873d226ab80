import type { DbOrTrx } from '../platform/db/db.ts';

/** A team's name and its service's name. */
export async function teamWithService(db: DbOrTrx, teamId: string) {
  return db
    .selectFrom('teams')
    .innerJoin('services', 'services.id', 'teams.service_id')
    .select(['teams.name', 'services.name as service'])
    .where('teams.id', '=', teamId)
    .executeTakeFirstOrThrow();
}

/** How many other people work in the team now. */
export async function countColleagues(db: DbOrTrx, teamId: string, staffId: string): Promise<number> {
  const rows = await db
    .selectFrom('staff')
    .select('id')
    .where('team_id', '=', teamId)
    .where('active', '=', 1)
    .where('id', '!=', staffId)
    .execute();
  return rows.length;
}

/** The team's agency staff working now, A to Z. */
export async function agencyStaffIn(db: DbOrTrx, teamId: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('staff')
    .select(['id', 'name'])
    .where('team_id', '=', teamId)
    .where('active', '=', 1)
    .where('is_agency', '=', 1)
    .orderBy('name')
    .execute();
}

export interface WorkforceCounts {
  active: number;
  activeAgency: number;
  left: number;
}

/** Everyone on the Hub in three numbers: working now, of whom agency, and leavers. */
export async function workforceCounts(db: DbOrTrx): Promise<WorkforceCounts> {
  const rows = await db
    .selectFrom('staff')
    .select(['active', 'is_agency', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['active', 'is_agency'])
    .execute();
  const count = (active: number, agency?: number) =>
    rows
      .filter((r) => r.active === active && (agency === undefined || r.is_agency === agency))
      .reduce((a, r) => a + Number(r.n), 0);
  return { active: count(1), activeAgency: count(1, 1), left: count(0) };
}
