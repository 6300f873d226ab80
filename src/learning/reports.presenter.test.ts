import assert from 'node:assert/strict';
import { test } from 'node:test';
import { presentReport, reportColumns, reportDownload } from './reports.presenter.ts';
import type { ReportRow } from './reports.rules.ts';

const row = (group: string, extra: Partial<ReportRow> = {}): ReportRow => ({
  group,
  sessions: 2,
  places: 20,
  booked: 15,
  fillRate: 75,
  waiting: 0,
  attended: 9,
  noShows: 1,
  evaluations: 8,
  content: 4.5,
  trainer: null,
  relevance: 4,
  needsAnotherSession: false,
  ...extra,
});

test('by team there are no places or fill rate; only by course is another session suggested', () => {
  const headers = (by: 'course' | 'month' | 'team') => reportColumns(by).map((c) => c.header);
  assert.deepEqual(headers('team').slice(0, 4), ['Team', 'Sessions', 'Booked', 'Waiting list']);
  assert.ok(headers('course').includes('Fill rate (%)'));
  assert.equal(headers('course').at(-1), 'Needs another session');
  assert.ok(!headers('month').includes('Needs another session'));
});

test('the page names the courses whose waiting lists suggest another session, and leaves unknown averages blank', () => {
  const view = presentReport(
    [row('Motivational Interviewing', { waiting: 6, needsAnotherSession: true }), row('Induction')],
    'course',
  );
  assert.deepEqual(view.flagged, ['Motivational Interviewing (6 waiting)']);
  const trainer = view.head.findIndex((h) => h.text === 'Trainer (1-5)');
  assert.equal(view.rows[1]![trainer]!.text, '');
  assert.equal(view.rows[0]!.at(-1)!.text, 'Yes');
  assert.deepEqual(
    view.tabs.map((t) => [t.text, t.current]),
    [
      ['By course', true],
      ['By month', false],
      ['By team', false],
    ],
  );
  assert.equal(view.chart, null, 'the chart is for months');
});

test('by month, months are named and charted, places against bookings', () => {
  const view = presentReport([row('2026-11'), row('2026-12', { booked: 18 })], 'month');
  assert.equal(view.rows[0]![0]!.text, 'November 2026');
  assert.ok(view.chart, 'a chart by month');
  assert.equal(presentReport([], 'month').chart, null, 'no chart of nothing');
});

test('a download is named after its grouping and the day it was made', () => {
  const d = reportDownload([row('A')], 'team', new Date('2026-11-27T09:00:00Z'));
  assert.equal(d.filename, 'learning-by-team-2026-11-27');
  assert.equal(d.sheetName, 'By team');
});
