import { type Actor, recordAudit } from '../audit/audit.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { createSession, deleteSession, tokenId } from './sessions.ts';

export const MAX_FAILED_SIGNINS = 5;
export const LOCKOUT_MINUTES = 15;

export type SignInResult =
  | { ok: true; token: string; staffId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; until: string };

/**
 * Checks a password and, if right, replaces any session the browser had with
 * a new one (a fresh id at sign-in defeats session fixation). Five failures in
 * a row lock the account for 15 minutes; every attempt is audited.
 */
export async function signIn(
  db: Db,
  clock: Clock,
  actor: Actor,
  input: { email: string; password: string; previousToken?: string; idleMinutes: number },
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const staff = await db
    .selectFrom('staff')
    .select(['id', 'name', 'password_hash', 'failed_signins', 'locked_until', 'active'])
    .where('email', '=', email)
    .executeTakeFirst();
  const now = clock.now();

  if (staff?.active !== 1 || !staff.password_hash) {
    await verifyPassword(input.password, await decoyHash());
    await recordAudit(db, clock, actor, {
      action: 'sign-in-failed',
      recordType: 'staff',
      summary: `Failed sign-in for ${email.slice(0, 100)} (no active account)`,
      outcome: 'denied',
    });
    return { ok: false, reason: 'invalid' };
  }
  if (staff.locked_until && staff.locked_until > now.toISOString()) {
    await recordAudit(db, clock, actor, {
      action: 'sign-in-failed',
      recordType: 'staff',
      recordId: staff.id,
      summary: 'Sign-in refused: account locked',
      outcome: 'denied',
    });
    return { ok: false, reason: 'locked', until: staff.locked_until };
  }

  const good = await verifyPassword(input.password, staff.password_hash);
  return db.transaction().execute(async (trx) => {
    if (!good) {
      const failures = staff.failed_signins + 1;
      const lock = failures >= MAX_FAILED_SIGNINS;
      const until = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString();
      await trx
        .updateTable('staff')
        .set({ failed_signins: lock ? 0 : failures, locked_until: lock ? until : null })
        .where('id', '=', staff.id)
        .execute();
      await recordAudit(
        trx,
        clock,
        { ...actor, name: staff.name },
        {
          action: 'sign-in-failed',
          recordType: 'staff',
          recordId: staff.id,
          summary: lock
            ? `Wrong password; account locked until ${until}`
            : `Wrong password (${failures} in a row)`,
          outcome: 'denied',
        },
      );
      return lock ? { ok: false, reason: 'locked', until } : { ok: false, reason: 'invalid' };
    }
    if (input.previousToken) await deleteSession(trx, tokenId(input.previousToken));
    await trx
      .updateTable('staff')
      .set({ failed_signins: 0, locked_until: null })
      .where('id', '=', staff.id)
      .execute();
    const token = await createSession(trx, clock, staff.id, input.idleMinutes);
    await recordAudit(
      trx,
      clock,
      { ...actor, id: staff.id, name: staff.name },
      {
        action: 'sign-in',
        recordType: 'staff',
        recordId: staff.id,
        summary: 'Signed in',
      },
    );
    return { ok: true, token, staffId: staff.id } as const;
  });
}

/** Ends this session on the server, with its audit row in the same transaction. */
export async function signOut(db: Db, clock: Clock, actor: Actor, session: { id: string; staffId: string }) {
  await db.transaction().execute(async (trx) => {
    await deleteSession(trx, session.id);
    await recordAudit(trx, clock, actor, {
      action: 'sign-out',
      recordType: 'staff',
      recordId: session.staffId,
      summary: 'Signed out',
    });
  });
}
