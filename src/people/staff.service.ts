import { type Actor, recordAudit } from '../platform/audit/audit.ts';
import { deleteSessionsOf } from '../platform/auth/sessions.ts';
import { londonDay } from '../platform/calendar/days.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db/db.ts';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { authorize, can, listScope } from '../platform/policy/policy.ts';
import type { Principal, Role } from '../platform/policy/roles.ts';
import { leavingProblem } from './dates.rules.ts';
import { listTeams, teamExists } from './org.repo.ts';
import {
  clearLockout,
  getStaff,
  listStaff,
  replaceRoles,
  rolesOf,
  type StaffFilter,
  staffName,
  updateStaffPlacement,
} from './staff.repo.ts';

/** One page of the directory, with the person's roles and whether the reader may open each record. */
export async function staffDirectory(db: Db, user: Principal, f: Omit<StaffFilter, 'scope'>) {
  const { rows, total } = await listStaff(db, { ...f, scope: listScope(user, 'staff:list') });
  const [roles, teams] = await Promise.all([
    rolesOf(
      db,
      rows.map((r) => r.id),
    ),
    listTeams(db),
  ]);
  return {
    rows: rows.map((r) => ({
      ...r,
      roles: roles.get(r.id) ?? [],
      viewable: can(user, 'staff:view', { ownerId: r.id, teamId: r.team_id, serviceId: r.service_id }),
    })),
    total,
    teams,
    canImport: can(user, 'staff:import'),
  };
}

/** A person's record, if the reader may see it (a refusal is a 403, audited). */
export async function staffRecord(db: Db, user: Principal, id: string) {
  const staff = await getStaff(db, id);
  if (!staff) throw new NotFoundError('staff');
  authorize(user, 'staff:view', {
    type: 'staff',
    id,
    ownerId: staff.id,
    teamId: staff.team_id,
    serviceId: staff.service_id,
  });
  const roles = (await rolesOf(db, [id])).get(id) ?? [];
  return { staff, roles, canManage: can(user, 'staff:manage'), canInvite: can(user, 'staff:invite') };
}

/** What the change form needs: the person, their roles and the teams to choose from. */
export async function staffEditForm(db: Db, id: string) {
  const staff = await getStaff(db, id);
  if (!staff) throw new NotFoundError('staff');
  const [roles, teams] = await Promise.all([rolesOf(db, [id]), listTeams(db)]);
  return { staff, roles: roles.get(id) ?? [], teams };
}

export interface StaffChanges {
  teamId: string | null;
  roles: Role[];
  isAgency: boolean;
  leftOn: string | null;
}

/** Changes a person's team, roles, agency flag or leaving date; the audit row commits with the change. */
export async function updateStaff(db: Db, clock: Clock, actor: Actor, id: string, c: StaffChanges) {
  const outOfRange = c.leftOn && leavingProblem('the leaving date', c.leftOn, londonDay(clock.now()));
  if (outOfRange) throw new UserInputError(outOfRange, 'leftOn');
  await db.transaction().execute(async (trx) => {
    const name = await staffName(trx, id);
    if (name === undefined) throw new NotFoundError('staff');
    if (c.teamId && !(await teamExists(trx, c.teamId)))
      throw new UserInputError('Choose a team from the list', 'teamId');
    if (actor.id === id && !c.roles.includes('system-admin')) {
      // Stops the last route back in from being removed by accident.
      throw new UserInputError('You cannot remove the system admin role from yourself', 'roles');
    }
    await updateStaffPlacement(trx, id, c, clock.now().toISOString());
    await replaceRoles(trx, id, c.roles);
    if (c.leftOn) await deleteSessionsOf(trx, id);
    await recordAudit(trx, clock, actor, {
      action: 'update',
      recordType: 'staff',
      recordId: id,
      summary: `Changed ${name}: team, roles (${c.roles.join(', ') || 'none'}), agency ${c.isAgency ? 'yes' : 'no'}, ${c.leftOn ? `left ${c.leftOn}` : 'active'}`,
    });
  });
}

export async function unlockStaff(db: Db, clock: Clock, actor: Actor, id: string) {
  await db.transaction().execute(async (trx) => {
    if (!(await clearLockout(trx, id))) throw new NotFoundError('staff');
    await recordAudit(trx, clock, actor, {
      action: 'update',
      recordType: 'staff',
      recordId: id,
      summary: 'Cleared waits after wrong passwords',
    });
  });
}
