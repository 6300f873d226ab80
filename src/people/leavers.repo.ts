import type { DbOrTrx } from '../platform/db/db.ts';

const leaverColumns = (db: DbOrTrx) =>
  db
    .selectFrom('staff')
    .leftJoin('teams', 'teams.id', 'staff.team_id')
    .leftJoin('services', 'services.id', 'teams.service_id')
    .select([
      'staff.id',
      'staff.name',
      'staff.email',
      'staff.job_title',
      'staff.is_agency',
      'staff.active',
      'staff.left_on',
      'staff.created_at',
      'teams.id as team_id',
      'teams.name as team_name',
      'services.id as service_id',
      'services.name as service_name',
    ]);

/** One person's staff record as exit interviews need it: role, team, service, agency or not, leaving date. */
export async function staffForExit(db: DbOrTrx, staffId: string) {
  return leaverColumns(db).where('staff.id', '=', staffId).executeTakeFirst();
}
export type StaffForExit = NonNullable<Awaited<ReturnType<typeof staffForExit>>>;

/** Everyone with a leaving date (gone or going), latest leaving first. */
export async function peopleLeaving(db: DbOrTrx) {
  return leaverColumns(db)
    .where('staff.left_on', 'is not', null)
    .orderBy('staff.left_on', 'desc')
    .orderBy('staff.name')
    .execute();
}

/** Someone found by email, for naming a delegate. */
export async function staffByEmail(db: DbOrTrx, email: string) {
  return db
    .selectFrom('staff')
    .select(['id', 'name', 'email', 'active'])
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
}
