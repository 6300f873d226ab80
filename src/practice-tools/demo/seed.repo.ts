import type { Db } from '../../platform/db/db.ts';
import { isRole, type Principal } from '../../platform/policy/roles.ts';

/** A demo person as the policy sees them, found by email, for the demo seed to act as. */
export async function findDemoPrincipal(db: Db, email: string): Promise<Principal | null> {
  const row = await db
    .selectFrom('staff')
    .leftJoin('teams', 'teams.id', 'staff.team_id')
    .select(['staff.id', 'staff.name', 'staff.email', 'staff.team_id', 'teams.service_id'])
    .where('staff.email', '=', email)
    .executeTakeFirst();
  if (!row) return null;
  const roles = await db.selectFrom('staff_roles').select('role').where('staff_id', '=', row.id).execute();
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    roles: roles.map((r) => r.role).filter(isRole),
    teamId: row.team_id,
    serviceId: row.service_id,
  };
}
