/**
 * When to try again after a failed attempt, for mail and jobs alike. Pure, so
 * the schedule is tested exactly and the sender and job runner agree on it.
 */

/** The first retry waits this long; each further failure doubles the wait. */
export const FIRST_RETRY_MS = 30_000;
/** No wait is longer than an hour, so a message held by an SMTP outage goes soon after it ends. */
export const MAX_RETRY_MS = 60 * 60_000;
/** A mail message gives up after this many attempts (retried over about three hours). */
export const MAIL_MAX_ATTEMPTS = 10;

/** The wait after the given number of failed attempts: 30 s, 1 min, 2 min, 4 min … capped at 1 h. */
export function nextAttemptDelayMs(attempts: number): number {
  const n = Math.max(1, Math.floor(attempts));
  // Beyond 2^20 the cap has long been reached; stop before the number grows silly.
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(n - 1, 20));
}

export type AfterFailure = { status: 'failed' } | { status: 'pending'; nextAttemptAt: string };

/**
 * What becomes of a row whose attempt number `attempts` has just failed: it
 * waits for its next try, or, once `maxAttempts` have been made, it has failed.
 */
export function afterFailure(attempts: number, maxAttempts: number, now: Date): AfterFailure {
  if (attempts >= maxAttempts) return { status: 'failed' };
  return {
    status: 'pending',
    nextAttemptAt: new Date(now.getTime() + nextAttemptDelayMs(attempts)).toISOString(),
  };
}
