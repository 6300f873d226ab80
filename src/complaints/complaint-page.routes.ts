import type { FastifyInstance } from 'fastify';
import { keptForm } from '../platform/http/forms.ts';
import { idParams, page } from '../platform/http/page.ts';
import type { Services } from '../platform/services.ts';
import { ACTION_PAGES, presentComplaintAction, presentComplaintPage } from './complaint-page.presenter.ts';
import { complaintPage } from './complaint-pages.service.ts';
import { todayIn } from './complaints.service.ts';

const viewed = {
  recordType: 'complaint',
  recordId: ({ params }: { params: { id: string } }) => params.id,
  summary: () => 'Viewed a complaint',
};

/**
 * The complaint's own page, a summary (who, what, the clock, the stages, the
 * investigation and the lessons) with a task list; and one page for each of its
 * actions, whose form posts back to the same address. Every view is audited.
 */
export function complaintPageRoutes(app: FastifyInstance, { db, clock }: Services) {
  page(
    app,
    {
      method: 'GET',
      url: '/complaints/:id',
      permission: 'complaints:view',
      params: idParams,
      audit: viewed,
    },
    async ({ params, user, reply }) => {
      const today = todayIn(clock);
      const data = await complaintPage(db, user, params.id, today);
      return reply.render('complaints/views/complaint.njk', presentComplaintPage(data, today));
    },
  );

  for (const [action, spec] of Object.entries(ACTION_PAGES) as [
    keyof typeof ACTION_PAGES,
    (typeof ACTION_PAGES)[keyof typeof ACTION_PAGES],
  ][])
    page(
      app,
      {
        method: 'GET',
        url: `/complaints/:id/${action}`,
        permission: spec.permission,
        params: idParams,
        audit: viewed,
      },
      async ({ params, user, req, reply }) => {
        const today = todayIn(clock);
        const data = await complaintPage(db, user, params.id, today, spec.permission);
        return reply.render(
          'complaints/views/complaint-action.njk',
          presentComplaintAction(data, action, keptForm(req), today),
        );
      },
    );
}
