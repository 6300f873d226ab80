import { type Actor, recordAudit } from '../platform/audit/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db/db.ts';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import type { Role } from '../platform/policy/roles.ts';

export interface StaffChanges {
  teamId: string | null;
  roles: Role[];
  isAgency: boolean;
  leftOn: string | null;
}

/** Changes a person's team, roles, agency flag or leaving date; the audit row commits with the change. */
export async function updateStaff(db: Db, clock: Clock, actor: Actor, id: string, c: StaffChanges) {
  await db.transaction().execute(async (trx) => {
    const staff = await trx
      .selectFrom('staff')
      .select(['id', 'name'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!staff) throw new NotFoundError('staff');
    if (c.teamId) {
      const team = await trx.selectFrom('teams').select('id').where('id', '=', c.teamId).executeTakeFirst();
      if (!team) throw new UserInputError('Choose a team from the list', 'teamId');
    }
    if (actor.id === id && !c.roles.includes('system-admin')) {
      // Stops the last route back in from being removed by accident.
      throw new UserInputError('You cannot remove the system admin role from yourself', 'roles');
    }
    await trx
      .updateTable('staff')
      .set({
        team_id: c.teamId,
        is_agency: c.isAgency ? 1 : 0,
        left_on: c.leftOn,
        active: c.leftOn ? 0 : 1,
        updated_at: clock.now().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('staff_roles').where('staff_id', '=', id).execute();
    if (c.roles.length)
      await trx
        .insertInto('staff_roles')
        .values(c.roles.map((role) => ({ staff_id: id, role })))
        .execute();
    if (c.leftOn) await trx.deleteFrom('sessions').where('staff_id', '=', id).execute();
    await recordAudit(trx, clock, actor, {
      action: 'update',
      recordType: 'staff',
      recordId: id,
      summary: `Changed ${staff.name}: team, roles (${c.roles.join(', ') || 'none'}), agency ${c.isAgency ? 'yes' : 'no'}, ${c.leftOn ? `left ${c.leftOn}` : 'active'}`,
    });
  });
}

export async function unlockStaff(db: Db, clock: Clock, actor: Actor, id: string) {
  await db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('staff')
      .set({ locked_until: null, failed_signins: 0 })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new NotFoundError('staff');
    await recordAudit(trx, clock, actor, {
      action: 'update',
      recordType: 'staff',
      recordId: id,
      summary: 'Unlocked sign-in',
    });
  });
}
