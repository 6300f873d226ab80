import type { TableExport } from '../platform/export/table-export.ts';
import { barChart } from '../platform/views/charts.ts';
import { OUTCOME_NAMES } from './forms.ts';
import type { MonthRow } from './reports.rules.ts';
import type { ComplaintFigures, ComplaintReportsData } from './reports.service.ts';

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "2026-11" → "Nov 26". */
export const monthLabel = (m: string) => `${MONTH_NAMES[Number(m.slice(5, 7)) - 1]} ${m.slice(2, 4)}`;

/** Pure: the reports page's charts (each drawn with its table) from the figures. */
export function presentReports(f: ComplaintReportsData) {
  const labels = f.months.map(monthLabel);
  const stageChart = (stage: number) => {
    const rows = f.rows.filter((r) => r.stage === stage);
    return barChart({
      title: `Stage ${stage}: complaints received and answered in time, by month`,
      labels,
      unit: 'complaints',
      series: [
        { name: 'Received', values: rows.map((r) => r.received) },
        { name: 'Answered', values: rows.map((r) => r.answered) },
        { name: 'Answered in time', values: rows.map((r) => r.inTime) },
      ],
    });
  };
  const perMonth = (kind: (k: string) => boolean) =>
    f.months.map((m) => f.sources.filter((x) => kind(x.kind) && x.received_on.startsWith(m)).length);
  return {
    sourcesChart: barChart({
      title: 'Compliments and other learning sources, by month',
      labels,
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
    lessonsChart: barChart({
      title: 'Learning items: loop open and loop closed',
      labels: ['Loop open', 'Loop closed'],
      unit: 'items',
      series: [{ name: 'Learning items', values: [f.loops.open, f.loops.closed] }],
    }),
  };
}

/** Pure: the by-stage-and-month figures as a download (the same columns for CSV and Excel). */
export const byMonthTable = (f: ComplaintFigures): TableExport<MonthRow> => ({
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
