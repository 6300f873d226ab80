import type { Expression, SqlBool } from 'kysely';
import { forgetAccount } from '../platform/auth/throttle.ts';
import { londonDay } from '../platform/calendar/days.ts';
import type { DbOrTrx } from '../platform/db/db.ts';
import { whereInScope } from '../platform/db/scope.ts';
import { newId } from '../platform/ids.ts';
import type { ListScope } from '../platform/policy/policy.ts';
import type { Role } from '../platform/policy/roles.ts';
import { activeOn } from './dates.rules.ts';

export interface StaffFilter {
  q?: string;
  teamId?: string;
  role?: Role;
  status?: 'active' | 'left' | 'all';
  /** Who the person asking may list (the policy's `listScope` for `staff:list`). */
  scope: ListScope;
  limit: number;
  offset: number;
}

const baseStaff = (db: DbOrTrx) =>
  db
    .selectFrom('staff')
    .leftJoin('teams', 'teams.id', 'staff.team_id')
    .leftJoin('services', 'services.id', 'teams.service_id');

export async function listStaff(db: DbOrTrx, f: StaffFilter) {
  let q = baseStaff(db).where((eb) => {
    const inScope: (e: typeof eb) => Expression<SqlBool> = whereInScope(f.scope, {
      owner: 'staff.id',
      team: 'staff.team_id',
      service: 'teams.service_id',
    });
    return inScope(eb);
  });
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

export type StaffListRow = Awaited<ReturnType<typeof listStaff>>['rows'][number];

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

export type StaffRecord = NonNullable<Awaited<ReturnType<typeof getStaff>>>;

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
      active: activeOn(p.leftOn, londonDay(new Date(at))),
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

/** A person's name, or undefined if there is no such person. */
export async function staffName(db: DbOrTrx, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('staff').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name;
}

export async function staffIdByEmail(db: DbOrTrx, email: string): Promise<string | undefined> {
  const row = await db.selectFrom('staff').select('id').where('email', '=', email).executeTakeFirst();
  return row?.id;
}

/** Sets a person's team, agency flag and leaving date (a leaving date that has come makes them inactive). */
export async function updateStaffPlacement(
  db: DbOrTrx,
  id: string,
  c: { teamId: string | null; isAgency: boolean; leftOn: string | null },
  at: string,
) {
  await db
    .updateTable('staff')
    .set({
      team_id: c.teamId,
      is_agency: c.isAgency ? 1 : 0,
      left_on: c.leftOn,
      active: activeOn(c.leftOn, londonDay(new Date(at))),
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}

/** Turns off everyone whose leaving date has come and who can still sign in: who they were. */
export async function deactivateLeaversBy(db: DbOrTrx, today: string, at: string) {
  const due = await db
    .selectFrom('staff')
    .select(['id', 'name', 'left_on'])
    .where('active', '=', 1)
    .where('left_on', 'is not', null)
    .where('left_on', '<=', today)
    .execute();
  if (due.length)
    await db
      .updateTable('staff')
      .set({ active: 0, updated_at: at })
      .where(
        'id',
        'in',
        due.map((d) => d.id),
      )
      .execute();
  return due;
}

/** Replaces a person's roles with these. */
export async function replaceRoles(db: DbOrTrx, staffId: string, roles: readonly string[]) {
  await db.deleteFrom('staff_roles').where('staff_id', '=', staffId).execute();
  if (roles.length)
    await db
      .insertInto('staff_roles')
      .values(roles.map((role) => ({ staff_id: staffId, role })))
      .execute();
}

/** Lifts any sign-in slow-down on the person's account (its counts in the database): true if the person exists. */
export async function clearLockout(db: DbOrTrx, id: string): Promise<boolean> {
  const staff = await db.selectFrom('staff').select('email').where('id', '=', id).executeTakeFirst();
  if (!staff) return false;
  await db.updateTable('staff').set({ locked_until: null, failed_signins: 0 }).where('id', '=', id).execute();
  await forgetAccount(db, staff.email);
  return true;
}
