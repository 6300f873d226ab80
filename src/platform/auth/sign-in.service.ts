import { type Actor, recordAudit } from '../audit/audit.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { createSession, deleteSession, tokenId } from './sessions.ts';
import {
  countHit,
  type DelayRule,
  forget,
  SIGN_IN_RULES,
  signInKeys,
  throttleRows,
  touch,
  waitingUntil,
} from './throttle.ts';

/**
 * Every refused sign-in is the same refusal: a wrong password, an address with
 * no account and a try while the Hub is making someone wait all answer alike,
 * after the same work, so the answer tells nobody who has an account.
 */
export type SignInResult = { ok: true; token: string; staffId: string } | { ok: false; reason: 'invalid' };

/**
 * Checks a password and, if right, replaces any session the browser had with
 * a new one (a fresh id at sign-in defeats session fixation). Failures are
 * counted in the database by account, by account from this source and by
 * source (throttle.ts): after a few, each try waits longer before it is
 * checked. Nothing locks an account. Every attempt is audited.
 */
export async function signIn(
  db: Db,
  clock: Clock,
  actor: Actor,
  input: {
    email: string;
    password: string;
    previousToken?: string;
    idleMinutes: number;
    /** Single sign-on only: the one address (a system admin's) whose password still works. */
    breakGlassOnly?: string;
  },
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const now = clock.now();
  const keys = signInKeys(email, actor.ip);
  const counted: [DelayRule, string][] = [
    [SIGN_IN_RULES.accountFromSource, keys.accountFromSource],
    [SIGN_IN_RULES.account, keys.account],
    ...(keys.source ? ([[SIGN_IN_RULES.source, keys.source]] as [DelayRule, string][]) : []),
  ];
  const [staff, rows] = await Promise.all([
    db
      .selectFrom('staff')
      .select(['id', 'name', 'password_hash', 'active'])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('staff_roles')
              .select('role')
              .whereRef('staff_id', '=', 'staff.id')
              .where('role', '=', 'system-admin'),
          )
          .as('is_admin'),
      )
      .where('email', '=', email)
      .executeTakeFirst(),
    throttleRows(
      db,
      counted.map(([, k]) => k),
    ),
  ]);
  const waiting = counted.some(([rule, key]) => waitingUntil(rule, rows.get(key), now));
  // With passwords switched off, everyone but the break-glass system admin is treated as having none:
  // the same work and the same answer, so the refusal does not point out which address that is.
  const passwordAllowed =
    input.breakGlassOnly === undefined || (email === input.breakGlassOnly && Boolean(staff?.is_admin));
  const account = staff?.active === 1 && staff.password_hash && passwordAllowed ? staff : undefined;

  // The same argon2 work on every path: a real hash, or the decoy when there is nothing to check.
  const good = await verifyPassword(
    input.password,
    account && !waiting ? account.password_hash! : await decoyHash(),
  );

  if (!account || waiting || !good) {
    const summary = waiting
      ? 'Sign-in refused: too many recent failures, waiting before the next try is checked'
      : account
        ? 'Wrong password'
        : !passwordAllowed
          ? `Password sign-in refused for ${email.slice(0, 100)}: single sign-on only`
          : `Failed sign-in for ${email.slice(0, 100)} (no active account)`;
    await db.transaction().execute(async (trx) => {
      // A try made while waiting is not counted: it was not checked, and must not lengthen the wait.
      // It still writes to the same rows (unchanged), so it takes the time a counted one does.
      for (const [rule, key] of counted)
        if (waiting) await touch(trx, key);
        else await countHit(trx, key, now, new Date(now.getTime() - rule.forgetAfterMs), keys.account);
      await recordAudit(trx, clock, account ? { ...actor, name: account.name } : actor, {
        action: 'sign-in-failed',
        recordType: 'staff',
        recordId: account?.id ?? null,
        summary,
        outcome: 'denied',
      });
    });
    return { ok: false, reason: 'invalid' };
  }

  return db.transaction().execute(async (trx) => {
    if (input.previousToken) await deleteSession(trx, tokenId(input.previousToken));
    // The person is who they said: their own counts go; the source's stays (it may be trying others).
    await forget(trx, [keys.accountFromSource, keys.account]);
    const token = await createSession(trx, clock, account.id, input.idleMinutes);
    await recordAudit(
      trx,
      clock,
      { ...actor, id: account.id, name: account.name },
      input.breakGlassOnly === undefined
        ? { action: 'sign-in', recordType: 'staff', recordId: account.id, summary: 'Signed in' }
        : {
            action: 'break-glass-sign-in',
            recordType: 'staff',
            recordId: account.id,
            summary: 'Signed in with the break-glass password while single sign-on is the only way in',
          },
    );
    return { ok: true, token, staffId: account.id } as const;
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
