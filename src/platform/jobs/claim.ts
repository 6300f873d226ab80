import type { Kysely, Selectable } from 'kysely';
import type { Db, Dialect } from '../db/db.ts';
import type { Database } from '../db/schema.ts';

/**
 * The two queues (mail outbox and jobs) share one way of handing out work:
 * a worker claims due rows by writing its id and a lease expiry on them. A
 * worker that dies mid-task leaves a lease that simply runs out, and the row is
 * claimed again; nothing needs cleaning up.
 */
export type QueueTable = 'outbox' | 'jobs';

/** The column that says when a row is next due, per queue. */
const DUE_COLUMN = { outbox: 'next_attempt_at', jobs: 'run_at' } as const;

// The columns both queues have, so one typed query serves either table.
interface QueueRow {
  id: string;
  status: string;
  attempts: number;
  locked_by: string | null;
  locked_until: string | null;
  next_attempt_at: string;
  run_at: string;
}
type QueueDb = Kysely<Record<QueueTable, QueueRow>>;

export interface ClaimOptions {
  workerId: string;
  /** The most rows to take at once. */
  limit: number;
  /** How long the claim holds; the work must finish (or be released) within it. */
  leaseMs: number;
  now: Date;
}

/**
 * Atomically claims up to `limit` due rows of `table` for `workerId`: pending,
 * due by `now`, and not held by a live lease. Each claimed row's `attempts` goes
 * up by one at claim time, so a try that crashes the process still counts and a
 * poisonous row cannot be retried for ever. Returns the claimed rows, soonest due first.
 *
 * On PostgreSQL several app instances claim at once: the inner select locks its
 * rows FOR UPDATE SKIP LOCKED, so a second claimer skips rows the first is taking
 * instead of waiting for them and then claiming them too. SQLite has one writer at
 * a time and runs every statement as a transaction of its own, so the single
 * UPDATE … RETURNING is already exclusive. It is deliberately not wrapped in
 * BEGIN … COMMIT: that would hold the write lock across awaits, and node:sqlite
 * waits for a lock synchronously, so a second connection in the same process
 * (a test, a CLI command beside the worker) would stall the event loop that has
 * to finish the first transaction.
 */
export async function claimDue<T extends QueueTable>(
  db: Db,
  dialect: Dialect,
  table: T,
  options: ClaimOptions,
): Promise<Selectable<Database[T]>[]> {
  const { workerId, limit, leaseMs, now } = options;
  if (limit < 1) return [];
  const nowIso = now.toISOString();
  const lockedUntil = new Date(now.getTime() + leaseMs).toISOString();
  const due: 'next_attempt_at' | 'run_at' = DUE_COLUMN[table];

  // The Database type narrowed to the shared columns: these queries touch no others.
  const q = db as unknown as QueueDb;
  let ids = q
    .selectFrom(table as QueueTable)
    .select('id')
    .where('status', '=', 'pending')
    .where(due, '<=', nowIso)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', nowIso)]))
    .orderBy(due)
    .orderBy('id')
    .limit(limit);
  if (dialect === 'postgres') ids = ids.forUpdate().skipLocked();
  const rows = await q
    .updateTable(table as QueueTable)
    .set((eb) => ({ locked_by: workerId, locked_until: lockedUntil, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', ids)
    .returningAll()
    .execute();
  // RETURNING promises no order; hand the work out oldest-due first.
  rows.sort((a, b) => (a[due] < b[due] ? -1 : a[due] > b[due] ? 1 : a.id < b.id ? -1 : 1));
  return rows as unknown as Selectable<Database[T]>[];
}

/**
 * Gives back claimed rows that were not tried (the batch was cut short: the
 * server went away, the lease ran low, the worker is stopping). Their attempt
 * is handed back too, and they are due again at once.
 */
export async function releaseClaims(
  db: Db,
  table: QueueTable,
  ids: string[],
  workerId: string,
): Promise<void> {
  if (ids.length === 0) return;
  const q = db as unknown as QueueDb;
  await q
    .updateTable(table)
    .set((eb) => ({ locked_by: null, locked_until: null, attempts: eb('attempts', '-', 1) }))
    .where('id', 'in', ids)
    .where('locked_by', '=', workerId)
    .execute();
}

/** Whether a lease taken at `claimedAt` still has `reserveMs` to spare: enough to start one more item. */
export function leaseHasRoom(claimedAt: Date, leaseMs: number, reserveMs: number, now: Date): boolean {
  return now.getTime() + reserveMs <= claimedAt.getTime() + leaseMs;
}
