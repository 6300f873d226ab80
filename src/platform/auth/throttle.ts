import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { DbOrTrx } from '../db/db.ts';

/**
 * Throttles counted in the database (`auth_throttle`), so every instance behind
 * a load balancer sees the same counts. Nothing is ever locked outright: after
 * a few free tries each further failure makes the next try wait longer, up to a
 * ceiling, and the count is forgotten after a quiet spell. Keys are hashed, so
 * the table holds no email address or IP address in clear.
 *
 * Sign-in counts three things, so that nobody can keep someone else out:
 * - the account tried from one source: the strict one (guessing one password);
 * - the account from anywhere: many free tries and a short ceiling, so a
 *   stranger can slow a person down by a minute at most, never lock them out;
 * - the source across accounts: trying many accounts from one place.
 * Reset emails are counted per address and per source (a cap per hour).
 */
export interface DelayRule {
  /** Failures before any wait. */
  free: number;
  /** The first wait after the free tries; each further failure doubles it. */
  firstWaitMs: number;
  maxWaitMs: number;
  /** A count with no failure for this long starts again from nothing. */
  forgetAfterMs: number;
}

const MINUTE = 60_000;
export const SIGN_IN_RULES = {
  accountFromSource: { free: 5, firstWaitMs: 2_000, maxWaitMs: 15 * MINUTE, forgetAfterMs: 60 * MINUTE },
  account: { free: 20, firstWaitMs: 1_000, maxWaitMs: MINUTE, forgetAfterMs: 15 * MINUTE },
  source: { free: 50, firstWaitMs: 1_000, maxWaitMs: 5 * MINUTE, forgetAfterMs: 60 * MINUTE },
} as const satisfies Record<string, DelayRule>;

/** How many reset emails an hour: per address asked about, and per source asking. */
export const RESET_EMAIL_LIMITS = { perAddress: 3, perSource: 20, windowMs: 60 * MINUTE } as const;

export const throttleKey = (...parts: string[]) =>
  createHash('sha256').update(parts.join('\u001f')).digest('hex');

/** The wait after `hits` failures: none for the free tries, then doubling up to the ceiling. */
export function waitAfter(rule: DelayRule, hits: number): number {
  if (hits < rule.free) return 0;
  const doublings = Math.min(hits - rule.free, 30);
  return Math.min(rule.maxWaitMs, rule.firstWaitMs * 2 ** doublings);
}

type Row = { key: string; account_key: string | null; hits: number; first_at: string; last_at: string };

/** When the next try may be checked, or null if it may be now. */
export function waitingUntil(rule: DelayRule, row: Row | undefined, now: Date): Date | null {
  if (!row) return null;
  const last = Date.parse(row.last_at);
  if (now.getTime() - last >= rule.forgetAfterMs) return null;
  const until = last + waitAfter(rule, row.hits);
  return until > now.getTime() ? new Date(until) : null;
}

export const throttleRows = async (db: DbOrTrx, keys: string[]) =>
  keys.length
    ? new Map(
        (await db.selectFrom('auth_throttle').selectAll().where('key', 'in', keys).execute()).map((r) => [
          r.key,
          r,
        ]),
      )
    : new Map<string, Row>();

/**
 * Counts one more hit on the key, in one statement (so two instances counting
 * at once both count): a count older than `restartBefore` starts again from 1.
 * Returns the new count.
 */
export async function countHit(
  db: DbOrTrx,
  key: string,
  now: Date,
  restartBefore: Date,
  accountKey: string | null = null,
): Promise<number> {
  const at = now.toISOString();
  const cutoff = restartBefore.toISOString();
  const row = await db
    .insertInto('auth_throttle')
    .values({ key, account_key: accountKey, hits: 1, first_at: at, last_at: at })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`case when auth_throttle.last_at < ${cutoff} then 1 else auth_throttle.hits + 1 end`,
        first_at: sql<string>`case when auth_throttle.last_at < ${cutoff} then ${at} else auth_throttle.first_at end`,
        last_at: at,
      }),
    )
    .returning('hits')
    .executeTakeFirstOrThrow();
  return Number(row.hits);
}

/** Counts a hit in a fixed window (reset emails): a window older than `windowMs` starts again. */
export async function countInWindow(db: DbOrTrx, key: string, now: Date, windowMs: number): Promise<number> {
  const at = now.toISOString();
  const cutoff = new Date(now.getTime() - windowMs).toISOString();
  const row = await db
    .insertInto('auth_throttle')
    .values({ key, account_key: null, hits: 1, first_at: at, last_at: at })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`case when auth_throttle.first_at < ${cutoff} then 1 else auth_throttle.hits + 1 end`,
        first_at: sql<string>`case when auth_throttle.first_at < ${cutoff} then ${at} else auth_throttle.first_at end`,
        last_at: at,
      }),
    )
    .returning('hits')
    .executeTakeFirstOrThrow();
  return Number(row.hits);
}

/** Writes a row back unchanged: the same work as counting, for a try that is not counted. */
export async function touch(db: DbOrTrx, key: string) {
  await db
    .updateTable('auth_throttle')
    .set((eb) => ({ hits: eb.ref('hits') }))
    .where('key', '=', key)
    .execute();
}

export async function forget(db: DbOrTrx, keys: string[]) {
  if (keys.length) await db.deleteFrom('auth_throttle').where('key', 'in', keys).execute();
}

/** The sign-in keys for an email address tried from a source (the source may be unknown). */
export function signInKeys(email: string, source: string | null) {
  const e = email.trim().toLowerCase();
  return {
    accountFromSource: throttleKey('sign-in account from source', e, source ?? ''),
    account: throttleKey('sign-in account', e),
    source: source ? throttleKey('sign-in source', source) : null,
  };
}

/** Forgets every sign-in count for an account (a system admin lifts a slow-down; a password is set). */
export async function forgetAccount(db: DbOrTrx, email: string) {
  await db.deleteFrom('auth_throttle').where('account_key', '=', signInKeys(email, null).account).execute();
}

/** Removes counts nobody will read again (run by the platform's daily tidy-up job). */
export async function pruneThrottle(db: DbOrTrx, now: Date) {
  const longest = Math.max(
    ...Object.values(SIGN_IN_RULES).map((r) => r.forgetAfterMs),
    RESET_EMAIL_LIMITS.windowMs,
  );
  await db
    .deleteFrom('auth_throttle')
    .where('last_at', '<', new Date(now.getTime() - longest).toISOString())
    .execute();
}
