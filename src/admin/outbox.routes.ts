import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { recordAudit } from '../platform/audit/audit.ts';
import { NotFoundError } from '../platform/http/errors.ts';
import { redirectWithSuccess } from '../platform/http/forms.ts';
import { get, post } from '../platform/http/route.ts';
import { can } from '../platform/policy/policy.ts';
import type { Services } from '../platform/services.ts';
import { OUTBOX_PAGE_SIZE, presentOutboxList, presentOutboxMessage } from './outbox.presenter.ts';
import {
  countOutbox,
  findOutboxMessage,
  listOutbox,
  OUTBOX_STATUSES,
  retryOutboxMessage,
} from './outbox.repo.ts';

// A filter from a hand-edited address falls back to "all" rather than erroring.
const listQuery = z.object({
  status: z.enum(OUTBOX_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
const messageParams = z.object({ id: z.string().min(1).max(64) });

const messageId = (req: FastifyRequest) => (req.params as { id?: string }).id;

/** The mail outbox for system admins: what has been queued, sent, is retrying or has failed, and why. */
export function outboxRoutes(app: FastifyInstance, services: Services) {
  const smtpConfigured = () => Boolean(services.config.smtpUrl);

  // Not audited: the list shows addresses and subjects, not a child's or complainant's record.
  get(app, '/admin/outbox', { permission: 'outbox:view', audit: false }, async (req, reply) => {
    const q = listQuery.parse(req.query);
    const [rows, counts] = await Promise.all([
      listOutbox(services.db, {
        status: q.status,
        limit: OUTBOX_PAGE_SIZE,
        offset: (q.page - 1) * OUTBOX_PAGE_SIZE,
      }),
      countOutbox(services.db),
    ]);
    return reply.render('admin/outbox.njk', {
      title: 'Outbox',
      ...presentOutboxList({
        rows,
        counts,
        status: q.status,
        page: q.page,
        smtpConfigured: smtpConfigured(),
        now: services.clock.now(),
      }),
    });
  });

  // A message's text can be about a person (a booking, a complaint), so reading it is audited.
  get(
    app,
    '/admin/outbox/:id',
    {
      permission: 'outbox:view',
      audit: {
        recordType: 'outbox-message',
        recordId: messageId,
        summary: (req) => `Viewed email ${messageId(req) ?? ''} in the outbox`,
      },
    },
    async (req, reply) => {
      const { id } = messageParams.parse(req.params);
      const row = await findOutboxMessage(services.db, id);
      if (!row) throw new NotFoundError('outbox message');
      const message = presentOutboxMessage(row, services.clock.now(), smtpConfigured(), {
        hideSecrets: services.config.env === 'production',
      });
      return reply.render('admin/outbox-message.njk', {
        title: `Email: ${message.subject}`,
        backLink: { href: '/admin/outbox', text: 'Back to outbox' },
        message,
        canRetry: row.status === 'failed' && can(req.user!, 'outbox:manage'),
      });
    },
  );

  post(app, '/admin/outbox/:id/retry', { permission: 'outbox:manage', audit: false }, async (req, reply) => {
    const { id } = messageParams.parse(req.params);
    const retried = await services.db.transaction().execute(async (trx) => {
      const ok = await retryOutboxMessage(trx, id, services.clock.now().toISOString());
      if (ok) {
        await recordAudit(trx, services.clock, req.actor, {
          action: 'update',
          recordType: 'outbox-message',
          recordId: id,
          summary: 'Put a failed email back in the queue',
        });
      }
      return ok;
    });
    if (!retried) throw new NotFoundError('failed outbox message');
    return redirectWithSuccess(
      services,
      req,
      reply,
      `/admin/outbox/${id}`,
      'The email will be tried again now.',
    );
  });
}
