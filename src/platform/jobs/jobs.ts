import type { Selectable } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Db, DbOrTrx } from '../db/db.ts';
import type { JobsTable } from '../db/schema.ts';
import { newId } from '../ids.ts';
import { afterFailure } from '../mail/backoff.ts';
import type { Services } from '../services.ts';
import { claimDue, leaseHasRoom, releaseClaims } from './claim.ts';

/**
 * Background work that must happen even if nobody is looking: reminders,
 * bulk sends, clean-ups. A job runs at least once; a handler must be safe to
 * run again (a worker can die after the work but before marking it done), so
 * it should check, or do its writes in one transaction with a unique key.
 *
 * Recurring work is enqueued with a unique key per period, e.g.
 * `enqueueJob(db, clock, 'training-reminders', {}, { uniqueKey: 'training-reminders:2026-11-27' })`:
 * every instance may try to enqueue it, and it exists once.
 */
export type JobHandler<P = unknown> = (services: Services, payload: P) => Promise<void>;

const handlers = new Map<string, JobHandler>();

export const JOB_BATCH = 5;
/** A handler should finish well within this; long work splits itself into smaller jobs. */
export const JOB_LEASE_MS = 10 * 60_000;
export const JOB_MAX_ATTEMPTS = 5;

/** Registers the code for jobs named `name`, once at start-up. Returns a function that removes it (for tests). */
export function registerJob<P>(name: string, handler: JobHandler<P>): () => void {
  if (handlers.has(name)) throw new Error(`A handler for job "${name}" is already registered`);
  handlers.set(name, handler as JobHandler);
  return () => {
    handlers.delete(name);
  };
}

export interface EnqueueJobOptions {
  /** When to run; now if not given. */
  runAt?: Date | string;
  /** At most one job ever exists with this key: enqueueing it again does nothing. */
  uniqueKey?: string;
  maxAttempts?: number;
}

/**
 * Queues a job, in the caller's transaction if given one (so it exists only if
 * that change commits). Returns the new job's id, or null when a job with the
 * same unique key already exists.
 */
export async function enqueueJob(
  db: DbOrTrx,
  clock: Clock,
  name: string,
  payload: unknown,
  options: EnqueueJobOptions = {},
): Promise<string | null> {
  const runAt = new Date(options.runAt ?? clock.now());
  if (Number.isNaN(runAt.getTime())) throw new Error(`Job "${name}" has an invalid run time`);
  const id = newId();
  const inserted = await db
    .insertInto('jobs')
    .values({
      id,
      name,
      payload: JSON.stringify(payload ?? {}),
      unique_key: options.uniqueKey ?? null,
      run_at: runAt.toISOString(),
      status: 'pending',
      attempts: 0,
      max_attempts: options.maxAttempts ?? JOB_MAX_ATTEMPTS,
      locked_by: null,
      locked_until: null,
      last_error: null,
      created_at: clock.now().toISOString(),
      finished_at: null,
    })
    // The unique index decides, so two instances enqueueing at once still make one job.
    .onConflict((oc) => oc.column('unique_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id ?? null;
}

export interface RunResult {
  claimed: number;
  done: number;
  retrying: number;
  failed: number;
  released: number;
}

/** Claims due jobs and runs each through its handler, recording done, retry by back-off, or failed. */
export async function runDueJobs(
  services: Services,
  workerId: string,
  options: { batchSize?: number; leaseMs?: number; signal?: AbortSignal } = {},
): Promise<RunResult> {
  const { db, dialect, clock, log } = services;
  const leaseMs = options.leaseMs ?? JOB_LEASE_MS;
  const claimedAt = clock.now();
  const rows = await claimDue(db, dialect, 'jobs', {
    workerId,
    limit: options.batchSize ?? JOB_BATCH,
    leaseMs,
    now: claimedAt,
  });
  const result: RunResult = { claimed: rows.length, done: 0, retrying: 0, failed: 0, released: 0 };

  for (const [i, row] of rows.entries()) {
    // No job starts in the second half of the lease, so each has at least half of it to run.
    if (options.signal?.aborted || !leaseHasRoom(claimedAt, leaseMs, leaseMs / 2, clock.now())) {
      const rest = rows.slice(i).map((r) => r.id);
      await releaseClaims(db, 'jobs', rest, workerId);
      result.released += rest.length;
      break;
    }
    try {
      if (row.attempts > row.max_attempts) throw new Error('Gave up: earlier attempts did not finish');
      const handler = handlers.get(row.name);
      // An instance running older code may claim a job it does not know; it is retried, not lost.
      if (!handler) throw new Error(`No handler is registered for job "${row.name}"`);
      await handler(services, JSON.parse(row.payload));
    } catch (err) {
      const failed = await recordJobFailure(db, clock, row, workerId, err);
      result[failed ? 'failed' : 'retrying']++;
      log.error({ err, jobId: row.id, job: row.name, attempt: row.attempts }, 'job failed');
      continue;
    }
    const kept = await finish(db, row.id, workerId, {
      status: 'done',
      finished_at: clock.now().toISOString(),
      last_error: null,
    });
    if (!kept) log.warn({ jobId: row.id, job: row.name }, 'job finished after its lease ran out');
    result.done++;
  }
  return result;
}

async function recordJobFailure(
  db: Db,
  clock: Clock,
  row: Selectable<JobsTable>,
  workerId: string,
  err: unknown,
): Promise<boolean> {
  const now = clock.now();
  const next = afterFailure(row.attempts, row.max_attempts, now);
  const message = err instanceof Error ? err.message : String(err);
  await finish(db, row.id, workerId, {
    status: next.status,
    last_error: message.slice(0, 1000),
    run_at: next.status === 'pending' ? next.nextAttemptAt : row.run_at,
    finished_at: next.status === 'failed' ? now.toISOString() : null,
  });
  return next.status === 'failed';
}

/** Writes a job's outcome and lets go of it, only if this worker still holds it. */
async function finish(
  db: Db,
  id: string,
  workerId: string,
  values: Partial<Pick<JobsTable, 'status' | 'last_error' | 'run_at' | 'finished_at'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({ ...values, locked_by: null, locked_until: null })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}
