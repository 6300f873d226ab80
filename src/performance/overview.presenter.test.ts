import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type OverviewInput, overviewTable, presentOverview } from './overview.presenter.ts';

const counts = (
  key: string | null,
  n: Partial<Record<'visited' | 'notSeen' | 'overdue' | 'dueSoon', number>>,
) => ({
  key,
  children: 10,
  visited: 0,
  notSeen: 0,
  overdue: 0,
  dueSoon: 0,
  ...n,
});
const input = (over: Partial<OverviewInput> = {}): OverviewInput => ({
  window: { from: '2026-11-30', to: '2026-12-14' },
  scope: 'service',
  teams: [
    { id: 't1', name: 'Assessment Team 1' },
    { id: 't2', name: 'Assessment Team 2' },
  ],
  counts: [
    counts('t1', { visited: 6, notSeen: 1, overdue: 2, dueSoon: 3 }),
    counts('t2', { visited: 4, dueSoon: 1 }),
  ],
  trends: { weeks: [], byTeam: {} },
  ...over,
});

test('a manager’s overview says what the numbers mean in sentences about children, with a row per team', () => {
  const view = presentOverview(input());
  assert.equal(view.own, false);
  assert.deepEqual(view.summary, [
    '9 of our 10 children have been seen within their visiting timescale.',
    '2 children have work that is late.',
    '4 children have something due in the next two weeks.',
  ]);
  assert.deepEqual(
    view.table?.rows.map((r) => r[0]!.html),
    [
      '<a class="govuk-link" href="/performance/teams/t1">Assessment Team 1</a>',
      '<a class="govuk-link" href="/performance/teams/t2">Assessment Team 2</a>',
    ],
  );
  assert.equal(view.chart, null, 'no chart before any week has been worked out');
  assert.equal(view.downloads.csv, '/performance/download.csv');
});

test('someone who sees only their own children gets no table, sentences or chart (the page links to their list)', () => {
  const view = presentOverview(input({ scope: 'own' }));
  assert.equal(view.own, true);
  assert.deepEqual(view.summary, []);
  assert.equal(view.table, null);
  assert.equal(view.chart, null);
});

test('children in a team the person cannot name (no longer in their scope) are counted under “No team”', () => {
  const table = overviewTable(input({ teams: [{ id: 't1', name: 'Assessment Team 1' }] }));
  assert.deepEqual(
    table.rows.map((r) => r.name),
    ['Assessment Team 1', 'No team'],
  );
  const late = table.columns.find((c) => c.header === 'With work that is late')!;
  assert.equal(late.href?.(table.rows[0]!), '/performance/children?team=t1&status=overdue');
});
