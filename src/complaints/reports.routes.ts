import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../platform/db/db.ts';
import { sendTable } from '../platform/export/table-export.ts';
import { get } from '../platform/http/route.ts';
import type { Services } from '../platform/services.ts';
import { barChart } from '../platform/views/charts.ts';
import { REGULATION_DAYS } from './clocks.rules.ts';
import { todayIn } from './complaints.service.ts';
import { OUTCOME_NAMES } from './forms.ts';
import { type ComplaintEvent, replay } from './lifecycle.rules.ts';
import { byStageAndMonth, lastTwelveMonths, outcomes, themes } from './reports.rules.ts';

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthLabel = (m: string) => `${MONTH_NAMES[Number(m.slice(5, 7)) - 1]} ${m.slice(2, 4)}`;

/** Every complaint's state, replayed from its events (one query for all events). */
async function allStates(db: Db, today: string) {
  const rows = await db
    .selectFrom('complaint_events')
    .select(['complaint_id', 'payload'])
    .orderBy('complaint_id')
    .orderBy('seq')
    .execute();
  const byComplaint = new Map<string, ComplaintEvent[]>();
  for (const r of rows) {
    const list = byComplaint.get(r.complaint_id) ?? [];
    list.push(JSON.parse(r.payload));
    byComplaint.set(r.complaint_id, list);
  }
  return [...byComplaint.values()].map((events) => replay(events, { today, calendar: REGULATION_DAYS }));
}

export function reportsRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;
  const rules = { permission: 'complaints:reports', audit: false } as const;

  const figures = async () => {
    const today = todayIn(clock);
    const months = lastTwelveMonths(today);
    const states = await allStates(db, today);
    return {
      today,
      months,
      rows: byStageAndMonth(states, months, today),
      themes: themes(states),
      outcomes: outcomes(states),
    };
  };

  get(app, '/complaints/reports', rules, async (_req, reply) => {
    const f = await figures();
    const stageChart = (stage: number) => {
      const rows = f.rows.filter((r) => r.stage === stage);
      return barChart({
        title: `Stage ${stage}: complaints received and answered in time, by month`,
        labels: f.months.map(monthLabel),
        unit: 'complaints',
        series: [
          { name: 'Received', values: rows.map((r) => r.received) },
          { name: 'Answered', values: rows.map((r) => r.answered) },
          { name: 'Answered in time', values: rows.map((r) => r.inTime) },
        ],
      });
    };
    const learning = await db
      .selectFrom('lesson_items')
      .select(['closed_on', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('closed_on')
      .execute();
    const closed = learning.filter((r) => r.closed_on).reduce((a, r) => a + Number(r.n), 0);
    const open = learning.filter((r) => !r.closed_on).reduce((a, r) => a + Number(r.n), 0);
    const sources = await db.selectFrom('lesson_sources').select(['kind', 'received_on']).execute();
    const perMonth = (kind: (k: string) => boolean) =>
      f.months.map((m) => sources.filter((x) => kind(x.kind) && x.received_on.startsWith(m)).length);
    return reply.render('complaints/views/reports.njk', {
      sourcesChart: barChart({
        title: 'Compliments and other learning sources, by month',
        labels: f.months.map(monthLabel),
        unit: 'records',
        series: [
          { name: 'Compliments', values: perMonth((k) => k === 'compliment') },
          {
            name: 'Case audits, practice reviews and inspections',
            values: perMonth((k) => k !== 'compliment'),
          },
        ],
      }),
      title: 'Complaints and learning reports',
      charts: [1, 2, 3].map(stageChart),
      themeChart: barChart({
        title: 'What complaints were about: elements by theme',
        labels: f.themes.map((t) => t.theme),
        unit: 'elements',
        series: [{ name: 'Elements', values: f.themes.map((t) => t.elements) }],
      }),
      outcomeChart: barChart({
        title: 'Outcomes of elements at each stage',
        labels: ['Stage 1', 'Stage 2', 'Stage 3'],
        unit: 'elements',
        series: Object.entries(OUTCOME_NAMES).map(([k, name]) => ({
          name,
          values: f.outcomes.map((o) => o[k as keyof typeof OUTCOME_NAMES]),
        })),
      }),
      learningChart: barChart({
        title: 'Learning items: loop open and loop closed',
        labels: ['Loop open', 'Loop closed'],
        unit: 'items',
        series: [{ name: 'Learning items', values: [open, closed] }],
      }),
    });
  });

  const download = (format: 'csv' | 'xlsx') => async (_req: unknown, reply: FastifyReply) => {
    const f = await figures();
    return sendTable(reply, format, {
      filename: `complaints-by-stage-and-month-${f.today}`,
      sheetName: 'By stage and month',
      columns: [
        { header: 'Month', value: (r) => r.month },
        { header: 'Stage', value: (r) => r.stage },
        { header: 'Received', value: (r) => r.received },
        { header: 'Answered', value: (r) => r.answered },
        { header: 'Answered in time', value: (r) => r.inTime },
      ],
      rows: f.rows,
    });
  };
  get(app, '/complaints/reports/by-month.csv', rules, download('csv'));
  get(app, '/complaints/reports/by-month.xlsx', rules, download('xlsx'));
}
