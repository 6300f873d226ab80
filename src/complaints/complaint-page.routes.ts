import type { FastifyInstance } from 'fastify';
import { keptForm } from '../platform/http/forms.ts';
import { idParams, page } from '../platform/http/page.ts';
import type { Services } from '../platform/services.ts';
import { presentComplaintPage } from './complaint-page.presenter.ts';
import { complaintPage } from './complaint-pages.service.ts';
import { todayIn } from './complaints.service.ts';

/** The complaint's own page: who, what, the clock, the stages, the investigation and the lessons. */
export function complaintPageRoutes(app: FastifyInstance, { db, clock }: Services) {
  page(
    app,
    {
      method: 'GET',
      url: '/complaints/:id',
      permission: 'complaints:view',
      params: idParams,
      audit: {
        recordType: 'complaint',
        recordId: ({ params }) => params.id,
        summary: () => 'Viewed a complaint',
      },
    },
    async ({ params, user, req, reply }) => {
      const today = todayIn(clock);
      const data = await complaintPage(db, user, params.id, today);
      return reply.render('complaints/views/complaint.njk', presentComplaintPage(data, keptForm(req), today));
    },
  );
}
