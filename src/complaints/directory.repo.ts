import type { DbOrTrx } from '../platform/db/db.ts';

/**
 * The organisation directory (the platform's `teams` and `staff` tables) as
 * the complaints pages and checks need it.
 */
export const listTeams = (db: DbOrTrx) =>
  db.selectFrom('teams').select(['id', 'name']).orderBy('name').execute();
export type TeamRow = Awaited<ReturnType<typeof listTeams>>[number];

/** Everyone, leavers included (a complaint may be about someone who has left), or only those still working. */
export function listStaff(db: DbOrTrx, opts: { activeOnly?: boolean } = {}) {
  let q = db
    .selectFrom('staff')
    .select(['id', 'name', 'is_agency', 'left_on', 'job_title', 'active'])
    .orderBy('name');
  if (opts.activeOnly) q = q.where('active', '=', 1);
  return q.execute();
}
export type StaffRow = Awaited<ReturnType<typeof listStaff>>[number];

export async function teamExists(db: DbOrTrx, id: string) {
  return !!(await db.selectFrom('teams').select('id').where('id', '=', id).executeTakeFirst());
}

/** How many of these ids are members of staff. */
export async function countStaff(db: DbOrTrx, ids: string[]) {
  return (await db.selectFrom('staff').select('id').where('id', 'in', ids).execute()).length;
}

export const findStaffMember = (db: DbOrTrx, id: string) =>
  db.selectFrom('staff').select(['id', 'active']).where('id', '=', id).executeTakeFirst();

/** The complaints officers still working, who look after complaints with no investigating officer. */
export const activeComplaintsOfficers = (db: DbOrTrx) =>
  db
    .selectFrom('staff')
    .innerJoin('staff_roles', 'staff_roles.staff_id', 'staff.id')
    .select('staff.id')
    .where('staff_roles.role', '=', 'complaints-officer')
    .where('staff.active', '=', 1)
    .execute();

/** Names and addresses for messages. */
export const staffContacts = (db: DbOrTrx, ids: string[]) =>
  db
    .selectFrom('staff')
    .select(['id', 'name', 'email', 'active'])
    .where('id', 'in', [...ids, ''])
    .execute();
