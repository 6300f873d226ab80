import type { ExportColumn } from '../platform/export/table-export.ts';
import { barChart } from '../platform/views/charts.ts';
import { monthLabel } from './catalogue.presenter.ts';
import type { GroupBy, ReportRow } from './reports.rules.ts';

const NAMES: Record<GroupBy, string> = { course: 'Course', month: 'Month', team: 'Team' };
const num = (v: number | null) => (v === null ? '' : v);

/** The report's columns, on the page and in the downloads: places mean nothing by team; the flag only by course. */
export const reportColumns = (by: GroupBy): ExportColumn<ReportRow>[] => [
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

/** A download of the report: its columns and a file name with the day (UTC) it was made. */
export const reportDownload = (rows: ReportRow[], by: GroupBy, now: Date) => ({
  filename: `learning-by-${by}-${now.toISOString().slice(0, 10)}`,
  sheetName: `By ${by}`,
  columns: reportColumns(by),
  rows,
});

/** The reports page: tabs for each grouping, the table, the courses whose waiting lists ask for another session, and by month a chart. */
export function presentReport(rows: ReportRow[], by: GroupBy) {
  const cols = reportColumns(by);
  return {
    title: 'Reports on the training offer',
    documentTitle: `Reports on the training offer, by ${by}`,
    by,
    tabs: (['course', 'month', 'team'] as const).map((b) => ({
      href: `/learning/reports?by=${b}`,
      text: `By ${b}`,
      current: b === by,
    })),
    head: cols.map((c) => ({ text: c.header })),
    rows: rows.map((r) => cols.map((c) => ({ text: String(c.value(r)) }))),
    flagged: rows.filter((r) => r.needsAnotherSession).map((r) => `${r.group} (${r.waiting} waiting)`),
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
  };
}
