import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { sendTable } from '../platform/export/table-export.ts';
import { page } from '../platform/http/page.ts';
import type { Services } from '../platform/services.ts';
import { presentReport, reportDownload } from './reports.presenter.ts';
import { learningReportRows } from './reports.service.ts';

// A grouping from a hand-edited address falls back to "by course" rather than erroring.
const query = z.object({ by: z.enum(['course', 'month', 'team']).default('course').catch('course') });
const rules = { permission: 'learning:reports', audit: false, query } as const;

/** L&D's reports: how full the offer is, who waits, who came, what they thought. */
export function learningReportsRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;

  page(app, { method: 'GET', url: '/learning/reports', ...rules }, async ({ query, reply }) => {
    const rows = await learningReportRows(db, clock.now(), query.by);
    return reply.render('learning/views/reports.njk', presentReport(rows, query.by));
  });

  for (const format of ['csv', 'xlsx'] as const)
    page(app, { method: 'GET', url: `/learning/reports.${format}`, ...rules }, async ({ query, reply }) => {
      const now = clock.now();
      const rows = await learningReportRows(db, now, query.by);
      return sendTable(reply, format, reportDownload(rows, query.by, now));
    });
}
