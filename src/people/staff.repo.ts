import type { DbOrTrx } from '../platform/db/db.ts';
import { newId } from '../platform/ids.ts';
import type { Role } from '../platform/policy/roles.ts';

export interface StaffFilter {
  q?: string;
  teamId?: string;
  role?: Role;
  status?: 'active' | 'left' | 'all';
  /** Limits the list to a team or service (from the policy's scope). */
  scope?: { teamId?: string | null; serviceId?: string | null; staffId?: string };
  limit: number;
  offset: number;
}

const baseStaff = (db: DbOrTrx) =>
  db
    .selectFrom('staff')
    .leftJoin('teams', 'teams.id', 'staff.team_id')
    .leftJoin('services', 'services.id', 'teams.service_id');

export async function listStaff(db: DbOrTrx, f: StaffFilter) {
  let q = baseStaff(db);
  if (f.q) {
    const like = `%${f.q.toLowerCase()}%`;
    q = q.where((eb) =>
      eb.or([eb(eb.fn('lower', ['staff.name']), 'like', like), eb('staff.email', 'like', like)]),
    );
  }
  if (f.teamId) q = q.where('staff.team_id', '=', f.teamId);
  if (f.status === 'active') q = q.where('staff.active', '=', 1);
  if (f.status === 'left') q = q.where('staff.active', '=', 0);
  if (f.role) {
    const role = f.role;
    q = q.where('staff.id', 'in', (eb) =>
      eb.selectFrom('staff_roles').select('staff_id').where('role', '=', role),
    );
  }
  if (f.scope?.teamId !== undefined) q = q.where('staff.team_id', '=', f.scope.teamId);
  if (f.scope?.serviceId !== undefined) q = q.where('teams.service_id', '=', f.scope.serviceId);
  if (f.scope?.staffId) q = q.where('staff.id', '=', f.scope.staffId);

  const [{ total }] = (await q.select((eb) => eb.fn.countAll<string | number>().as('total')).execute()) as [
    { total: string | number },
  ];
  const rows = await q
    .select([
      'staff.id',
      'staff.name',
      'staff.email',
      'staff.job_title',
      'staff.is_agency',
      'staff.active',
      'staff.left_on',
      'teams.id as team_id',
      'teams.name as team_name',
      'teams.service_id as service_id',
      'services.name as service_name',
    ])
    .orderBy('staff.name')
    .orderBy('staff.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { total: Number(total), rows };
}

export async function rolesOf(db: DbOrTrx, staffIds: string[]): Promise<Map<string, Role[]>> {
  const map = new Map<string, Role[]>();
  if (staffIds.length === 0) return map;
  const rows = await db
    .selectFrom('staff_roles')
    .select(['staff_id', 'role'])
    .where('staff_id', 'in', staffIds)
    .orderBy('role')
    .execute();
  for (const r of rows) map.set(r.staff_id, [...(map.get(r.staff_id) ?? []), r.role as Role]);
  return map;
}

export async function getStaff(db: DbOrTrx, id: string) {
  return baseStaff(db)
    .select([
      'staff.id',
      'staff.staff_number',
      'staff.name',
      'staff.email',
      'staff.job_title',
      'staff.is_agency',
      'staff.active',
      'staff.left_on',
      'staff.locked_until',
      'staff.created_at',
      'staff.updated_at',
      'teams.id as team_id',
      'teams.name as team_name',
      'services.id as service_id',
      'services.name as service_name',
    ])
    .where('staff.id', '=', id)
    .executeTakeFirst();
}

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

export interface NewStaff {
  id?: string;
  staffNumber: string;
  email: string;
  name: string;
  jobTitle?: string;
  teamId?: string | null;
  isAgency?: boolean;
  leftOn?: string | null;
  passwordHash?: string | null;
  roles: Role[];
}

/** Adds a person and their roles; the one place a staff row is created. Returns the id. */
export async function insertStaff(db: DbOrTrx, at: string, p: NewStaff): Promise<string> {
  const id = p.id ?? newId();
  await db
    .insertInto('staff')
    .values({
      id,
      staff_number: p.staffNumber,
      email: p.email.toLowerCase(),
      name: p.name,
      job_title: p.jobTitle ?? '',
      team_id: p.teamId ?? null,
      is_agency: p.isAgency ? 1 : 0,
      active: p.leftOn ? 0 : 1,
      left_on: p.leftOn ?? null,
      password_hash: p.passwordHash ?? null,
      failed_signins: 0,
      locked_until: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  if (p.roles.length)
    await db
      .insertInto('staff_roles')
      .values(p.roles.map((role) => ({ staff_id: id, role })))
      .execute();
  return id;
}
