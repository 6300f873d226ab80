import type { Actor } from '../platform/audit/audit.ts';
import { recordAudit } from '../platform/audit/audit.ts';
import { NotFoundError } from '../platform/http/errors.ts';
import { can } from '../platform/policy/policy.ts';
import type { Principal } from '../platform/policy/roles.ts';
import type { Services } from '../platform/services.ts';
import { presentOutboxMessage } from './outbox.presenter.ts';
import { findOutboxMessage, retryOutboxMessage } from './outbox.repo.ts';

/** One message as its page shows it; a message still holding a one-time link is not shown to anyone. */
export async function outboxMessagePage({ db, clock, config }: Services, user: Principal, id: string) {
  const row = await findOutboxMessage(db, id);
  if (!row) throw new NotFoundError('outbox message');
  return {
    message: presentOutboxMessage(row, clock.now(), Boolean(config.smtpUrl)),
    canRetry: row.status === 'failed' && can(user, 'outbox:manage'),
  };
}

/** Puts a failed message back in the queue, with its audit row in the same transaction. */
export async function retryMessage({ db, clock }: Services, actor: Actor, id: string) {
  const retried = await db.transaction().execute(async (trx) => {
    const ok = await retryOutboxMessage(trx, id, clock.now().toISOString());
    if (ok)
      await recordAudit(trx, clock, actor, {
        action: 'update',
        recordType: 'outbox-message',
        recordId: id,
        summary: 'Put a failed email back in the queue',
      });
    return ok;
  });
  if (!retried) throw new NotFoundError('failed outbox message');
}
