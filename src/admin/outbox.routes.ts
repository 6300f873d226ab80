import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { form } from '../platform/http/form.ts';
import { idParams, page } from '../platform/http/page.ts';
import type { Services } from '../platform/services.ts';
import { OUTBOX_PAGE_SIZE, presentOutboxList } from './outbox.presenter.ts';
import { countOutbox, listOutbox, OUTBOX_STATUSES } from './outbox.repo.ts';
import { outboxMessagePage, retryMessage } from './outbox.service.ts';

// A filter from a hand-edited address falls back to "all" rather than erroring.
const listQuery = z.object({
  status: z.enum(OUTBOX_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

/** The mail outbox for system admins: what has been queued, sent, is retrying or has failed, and why. */
export function outboxRoutes(app: FastifyInstance, services: Services) {
  // Not audited: the list shows addresses and subjects, not a child's or complainant's record.
  page(
    app,
    { method: 'GET', url: '/admin/outbox', permission: 'outbox:view', audit: false, query: listQuery },
    async ({ query, reply }) => {
      const [rows, counts] = await Promise.all([
        listOutbox(services.db, {
          status: query.status,
          limit: OUTBOX_PAGE_SIZE,
          offset: (query.page - 1) * OUTBOX_PAGE_SIZE,
        }),
        countOutbox(services.db),
      ]);
      const view = presentOutboxList({
        rows,
        counts,
        status: query.status,
        page: query.page,
        smtpConfigured: Boolean(services.config.smtpUrl),
        now: services.clock.now(),
      });
      return reply.render('admin/outbox.njk', { title: 'Outbox', ...view });
    },
  );

  // A message's text can be about a person (a booking, a complaint), so reading it is audited.
  page(
    app,
    {
      method: 'GET',
      url: '/admin/outbox/:id',
      permission: 'outbox:view',
      params: idParams,
      audit: {
        recordType: 'outbox-message',
        recordId: ({ params }) => params.id,
        summary: ({ params }) => `Viewed email ${params.id} in the outbox`,
      },
    },
    async ({ params, user, reply }) => {
      const { message, canRetry } = await outboxMessagePage(services, user, params.id);
      return reply.render('admin/outbox-message.njk', {
        title: `Email: ${message.subject}`,
        backLink: { href: '/admin/outbox', text: 'Back to outbox' },
        message,
        canRetry,
      });
    },
  );

  form(
    app,
    {
      url: '/admin/outbox/:id/retry',
      permission: 'outbox:manage',
      params: idParams,
      body: z.object({}),
      back: ({ params }) => `/admin/outbox/${params.id}`,
    },
    async (_data, { params, actor }) => {
      await retryMessage(services, actor, params.id);
      return { to: `/admin/outbox/${params.id}`, message: 'The email will be tried again now.' };
    },
  );
}
