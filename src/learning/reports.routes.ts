import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type ExportColumn, sendTable } from '../platform/export/table-export.ts';
import { get } from '../platform/http/route.ts';
import type { Services } from '../platform/services.ts';
import { barChart } from '../platform/views/charts.ts';
import { monthLabel } from './catalogue.presenter.ts';
import { reportFacts } from './reports.repo.ts';
import { type GroupBy, learningReport, type ReportRow } from './reports.rules.ts';

const query = z.object({ by: z.enum(['course', 'month', 'team']).default('course').catch('course') });
const NAMES: Record<GroupBy, string> = { course: 'Course', month: 'Month', team: 'Team' };

const num = (v: number | null) => (v === null ? '' : v);
const columns = (by: GroupBy): ExportColumn<ReportRow>[] => [
  { header: NAMES[by], value: (r) => (by === 'month' ? monthLabel(r.group) : r.group) },
  { header: 'Sessions', value: (r) => r.sessions },
  ...(by === 'team'
    ? []
    : [
        { header: 'Places', value: (r: ReportRow) => r.places },
        { header: 'Fill rate (%)', value: (r: ReportRow) => num(r.fillRate) },
      ]),
  { header: 'Booked', value: (r) => r.booked },
  { header: 'Waiting list', value: (r) => r.waiting },
  { header: 'Attended', value: (r) => r.attended },
  { header: 'No-shows', value: (r) => r.noShows },
  { header: 'Evaluations', value: (r) => r.evaluations },
  { header: 'Content (1-5)', value: (r) => num(r.content) },
  { header: 'Trainer (1-5)', value: (r) => num(r.trainer) },
  { header: 'Relevance (1-5)', value: (r) => num(r.relevance) },
  ...(by === 'course'
    ? [{ header: 'Needs another session', value: (r: ReportRow) => (r.needsAnotherSession ? 'Yes' : '') }]
    : []),
];

/** L&D's reports: how full the offer is, who waits, who came, what they thought. */
export function reportsRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;
  const rules = { permission: 'learning:reports', audit: false } as const;

  for (const url of ['/learning/reports', '/learning/reports.csv', '/learning/reports.xlsx'])
    get(app, url, rules, async (req, reply) => {
      const { by } = query.parse(req.query);
      const { sessions, places } = await reportFacts(db, clock.now().toISOString());
      const rows = learningReport(sessions, places, by);
      const path = req.url.split('?')[0]!;
      if (path !== '/learning/reports')
        return sendTable(reply, path.endsWith('.xlsx') ? 'xlsx' : 'csv', {
          filename: `learning-by-${by}-${clock.now().toISOString().slice(0, 10)}`,
          sheetName: `By ${by}`,
          columns: columns(by),
          rows,
        });
      const cols = columns(by);
      const flagged = rows.filter((r) => r.needsAnotherSession);
      return reply.render('learning/views/reports.njk', {
        title: 'Reports on the training offer',
        by,
        tabs: (['course', 'month', 'team'] as const).map((b) => ({
          href: `/learning/reports?by=${b}`,
          text: `By ${b}`,
          current: b === by,
        })),
        head: cols.map((c) => ({ text: c.header })),
        rows: rows.map((r) => cols.map((c) => ({ text: String(c.value(r)) }))),
        flagged: flagged.map((r) => `${r.group} (${r.waiting} waiting)`),
        chart:
          by === 'month' && rows.length
            ? barChart({
                title: 'Places booked and places offered, by month',
                labels: rows.map((r) => monthLabel(r.group)),
                series: [
                  { name: 'Places', values: rows.map((r) => r.places) },
                  { name: 'Booked', values: rows.map((r) => r.booked) },
                ],
                unit: 'places',
              })
            : null,
      });
    });
}
