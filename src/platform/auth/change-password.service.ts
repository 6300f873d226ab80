import { type Actor, recordAudit } from '../audit/audit.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { UserInputError } from '../http/errors.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { deleteSessionsOf } from './sessions.ts';

/**
 * A signed-in person changes their own password. Their other sessions end
 * (a stolen session elsewhere stops working); this one (`keepSessionId`) carries on.
 */
export async function changePassword(
  db: Db,
  clock: Clock,
  actor: Actor,
  input: { staffId: string; keepSessionId?: string; current: string; next: string },
) {
  const staff = await db
    .selectFrom('staff')
    .select(['email', 'password_hash'])
    .where('id', '=', input.staffId)
    .executeTakeFirstOrThrow();
  if (!staff.password_hash || !(await verifyPassword(input.current, staff.password_hash))) {
    throw new UserInputError('Your current password is not right', 'current');
  }
  if (input.next.toLowerCase() === staff.email)
    throw new UserInputError('Your password must not be your email address', 'password');
  if (input.next === input.current)
    throw new UserInputError('Choose a password different from your current one', 'password');
  const hash = await hashPassword(input.next);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff')
      .set({ password_hash: hash, updated_at: clock.now().toISOString() })
      .where('id', '=', input.staffId)
      .execute();
    await deleteSessionsOf(trx, input.staffId, input.keepSessionId);
    await recordAudit(trx, clock, actor, {
      action: 'update',
      recordType: 'staff',
      recordId: input.staffId,
      summary: 'Changed their own password',
    });
  });
}
