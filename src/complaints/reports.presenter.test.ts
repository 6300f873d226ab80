import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { byMonthTable, monthLabel, presentReports } from './reports.presenter.ts';
import { lastTwelveMonths } from './reports.rules.ts';
import type { ComplaintReportsData } from './reports.service.ts';

const today = '2026-11-27';
const months = lastTwelveMonths(today);
const data: ComplaintReportsData = {
  today,
  months,
  rows: [1, 2, 3].flatMap((stage) =>
    months.map((month) => ({
      month,
      stage,
      received: stage === 1 && month === '2026-11' ? 3 : 0,
      answered: stage === 1 && month === '2026-11' ? 2 : 0,
      inTime: stage === 1 && month === '2026-11' ? 1 : 0,
    })),
  ),
  themes: [
    { theme: 'delay', elements: 4 },
    { theme: 'communication', elements: 1 },
  ],
  outcomes: [
    { stage: 1, upheld: 2, 'partly-upheld': 1, 'not-upheld': 0 },
    { stage: 2, upheld: 0, 'partly-upheld': 0, 'not-upheld': 1 },
    { stage: 3, upheld: 0, 'partly-upheld': 0, 'not-upheld': 0 },
  ],
  loops: { open: 5, closed: 2 },
  sources: [
    { kind: 'compliment', received_on: '2026-11-02' },
    { kind: 'compliment', received_on: '2026-10-15' },
    { kind: 'case-audit', received_on: '2026-11-10' },
    { kind: 'compliment', received_on: '2025-11-30' },
  ],
};

/** A chart's table as plain rows: [label, ...values]. */
const table = (chart: { table: { rows: { text: string }[][] } }) =>
  chart.table.rows.map((r) => r.map((c) => c.text));

describe('the reports page', () => {
  test('months are labelled short, the last twelve ending with this one', () => {
    assert.equal(monthLabel('2026-11'), 'Nov 26');
    assert.equal(monthLabel('2026-01'), 'Jan 26');
    const view = presentReports(data);
    assert.equal(view.charts.length, 3);
    assert.equal(view.charts[0]?.title, 'Stage 1: complaints received and answered in time, by month');
    assert.deepEqual(table(view.charts[0]!).at(-1), ['Nov 26', '3', '2', '1']);
    assert.deepEqual(table(view.charts[0]!)[0], ['Dec 25', '0', '0', '0']);
  });

  test('themes, outcomes in words, lesson loops, and compliments apart from other sources', () => {
    const view = presentReports(data);
    assert.deepEqual(table(view.themeChart), [
      ['delay', '4'],
      ['communication', '1'],
    ]);
    assert.deepEqual(
      view.outcomeChart.table.head.map((h) => h.text),
      ['', 'Upheld', 'Partly upheld', 'Not upheld'],
    );
    assert.deepEqual(table(view.outcomeChart)[0], ['Stage 1', '2', '1', '0']);
    assert.deepEqual(table(view.lessonsChart), [
      ['Loop open', '5'],
      ['Loop closed', '2'],
    ]);
    const sources = table(view.sourcesChart);
    assert.deepEqual(sources.at(-1), ['Nov 26', '1', '1']);
    assert.deepEqual(sources.at(-2), ['Oct 26', '1', '0']);
    assert.deepEqual(sources[0], ['Dec 25', '0', '0'], 'November 2025 is outside the twelve months');
  });
});

test('the download: one row per stage and month, under plain headings, named by the day', () => {
  const t = byMonthTable(data);
  assert.equal(t.filename, 'complaints-by-stage-and-month-2026-11-27');
  assert.deepEqual(
    t.columns.map((c) => c.header),
    ['Month', 'Stage', 'Received', 'Answered', 'Answered in time'],
  );
  assert.equal(t.rows.length, 36);
  const nov = t.rows.find((r) => r.stage === 1 && r.month === '2026-11')!;
  assert.deepEqual(
    t.columns.map((c) => c.value(nov)),
    ['2026-11', 1, 3, 2, 1],
  );
});
