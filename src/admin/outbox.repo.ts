import type { DbOrTrx } from '../platform/db/db.ts';
import type { OutboxTable } from '../platform/db/schema.ts';

export type OutboxStatus = OutboxTable['status'];
export const OUTBOX_STATUSES: OutboxStatus[] = ['pending', 'sent', 'failed'];

/** One page of messages, newest first, without their bodies (the list does not show them). */
export async function listOutbox(db: DbOrTrx, f: { status?: OutboxStatus; limit: number; offset: number }) {
  let q = db.selectFrom('outbox');
  if (f.status) q = q.where('status', '=', f.status);
  const rows = await q
    .select([
      'id',
      'created_at',
      'to_address',
      'subject',
      'status',
      'attempts',
      'next_attempt_at',
      'locked_until',
      'last_error',
      'sent_at',
    ])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return rows;
}

export type OutboxListRow = Awaited<ReturnType<typeof listOutbox>>[number];

/** How many messages there are in each status (PostgreSQL counts as text: read back as numbers). */
export async function countOutbox(db: DbOrTrx): Promise<Record<OutboxStatus, number>> {
  const rows = await db
    .selectFrom('outbox')
    .select((eb) => ['status', eb.fn.countAll().as('n')])
    .groupBy('status')
    .execute();
  const counts: Record<OutboxStatus, number> = { pending: 0, sent: 0, failed: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

export function findOutboxMessage(db: DbOrTrx, id: string) {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Puts a message that gave up back in the queue, to be tried again now. */
export async function retryOutboxMessage(db: DbOrTrx, id: string, now: string): Promise<boolean> {
  const r = await db
    .updateTable('outbox')
    .set({
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      last_error: null,
      locked_by: null,
      locked_until: null,
    })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
