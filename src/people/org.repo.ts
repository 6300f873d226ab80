import type { DbOrTrx } from '../platform/db/db.ts';

/** Every team with its service and how many people work in it now, by service then team name. */
export async function listTeams(db: DbOrTrx) {
  return db
    .selectFrom('teams')
    .innerJoin('services', 'services.id', 'teams.service_id')
    .select((eb) => [
      'teams.id',
      'teams.name',
      'services.id as service_id',
      'services.name as service_name',
      eb
        .selectFrom('staff')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('staff.team_id', '=', 'teams.id')
        .where('staff.active', '=', 1)
        .as('active_staff'),
    ])
    .orderBy('services.name')
    .orderBy('teams.name')
    .execute();
}

export type TeamRow = Awaited<ReturnType<typeof listTeams>>[number];

/** Team managers of each team, for the organisation page. */
export async function managersByTeam(db: DbOrTrx) {
  const rows = await db
    .selectFrom('staff')
    .innerJoin('staff_roles', 'staff_roles.staff_id', 'staff.id')
    .select(['staff.team_id', 'staff.name'])
    .where('staff_roles.role', '=', 'team-manager')
    .where('staff.active', '=', 1)
    .orderBy('staff.name')
    .execute();
  const map = new Map<string, string[]>();
  for (const r of rows) if (r.team_id) map.set(r.team_id, [...(map.get(r.team_id) ?? []), r.name]);
  return map;
}

export async function findTeam(db: DbOrTrx, id: string) {
  return db.selectFrom('teams').select(['id', 'name', 'service_id']).where('id', '=', id).executeTakeFirst();
}

export type TeamForForm = NonNullable<Awaited<ReturnType<typeof findTeam>>>;

export async function teamIdByName(db: DbOrTrx, name: string): Promise<string | undefined> {
  const row = await db.selectFrom('teams').select('id').where('name', '=', name).executeTakeFirst();
  return row?.id;
}

export async function teamExists(db: DbOrTrx, id: string): Promise<boolean> {
  return !!(await db.selectFrom('teams').select('id').where('id', '=', id).executeTakeFirst());
}

/** Every team's id and name, for matching names. */
export async function teamNames(db: DbOrTrx) {
  return db.selectFrom('teams').select(['id', 'name']).execute();
}

export async function listServices(db: DbOrTrx) {
  return db.selectFrom('services').select(['id', 'name']).orderBy('name').execute();
}

export type ServiceRow = Awaited<ReturnType<typeof listServices>>[number];

export async function serviceExists(db: DbOrTrx, id: string): Promise<boolean> {
  return !!(await db.selectFrom('services').select('id').where('id', '=', id).executeTakeFirst());
}

export async function insertService(db: DbOrTrx, row: { id: string; name: string; created_at: string }) {
  await db.insertInto('services').values(row).execute();
}

export async function insertTeam(
  db: DbOrTrx,
  row: { id: string; name: string; service_id: string; created_at: string },
) {
  await db.insertInto('teams').values(row).execute();
}

/** Renames a team or moves it to another service: true if the team exists. */
export async function updateTeam(db: DbOrTrx, id: string, c: { name: string; serviceId: string }) {
  const r = await db
    .updateTable('teams')
    .set({ name: c.name, service_id: c.serviceId })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
