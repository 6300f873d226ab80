import type { FastifyInstance } from 'fastify';
import { sendTable } from '../platform/export/table-export.ts';
import { page } from '../platform/http/page.ts';
import type { Services } from '../platform/services.ts';
import { todayIn } from './complaints.service.ts';
import { byMonthTable, presentReports } from './reports.presenter.ts';
import { complaintFigures, complaintReportsPage } from './reports.service.ts';

/** The complaints and learning reports, and the figures by stage and month as CSV or Excel. */
export function complaintReportsRoutes(app: FastifyInstance, { db, clock }: Services) {
  const rules = { method: 'GET', permission: 'complaints:reports', audit: false } as const;

  page(app, { ...rules, url: '/complaints/reports' }, async ({ reply }) => {
    const data = await complaintReportsPage(db, todayIn(clock));
    return reply.render('complaints/views/reports.njk', presentReports(data));
  });

  for (const format of ['csv', 'xlsx'] as const)
    page(app, { ...rules, url: `/complaints/reports/by-month.${format}` }, async ({ reply }) =>
      sendTable(reply, format, byMonthTable(await complaintFigures(db, todayIn(clock)))),
    );
}
