import assert from 'node:assert/strict';
import { test } from 'node:test';
import { presentTeamPage, type TeamRows, teamView } from './team.presenter.ts';

const rows = (over: Partial<TeamRows> = {}): TeamRows => ({
  teamId: 't1',
  window: { from: '2026-11-30', to: '2026-12-14' },
  counts: [
    { key: 'w2', children: 5, visited: 4, notSeen: 1, overdue: 1, dueSoon: 2 },
    { key: 'w1', children: 6, visited: 6, notSeen: 0, overdue: 0, dueSoon: 1 },
    { key: null, children: 1, visited: 1, notSeen: 1, overdue: 1, dueSoon: 0 },
  ],
  names: new Map([
    ['w1', 'Zoe Walsh'],
    ['w2', 'Ben Ali'],
  ]),
  rules: [
    { rule: 'cp-visits', status: 'overdue', open: true, n: 2 },
    { rule: 'cp-visits', status: 'overdue', open: false, n: 1 },
  ],
  due: [{ day: '2026-12-02', n: 3 }],
  trends: { weeks: [], byTeam: {} },
  ...over,
});
const team = { id: 't1', name: 'Assessment Team 1' };

test('a team’s page: its sentences link to the children behind them, workers in name order, notes for supervision', () => {
  const view = presentTeamPage({ team, view: teamView(rows()) });
  assert.equal(view.title, 'Children in Assessment Team 1');
  assert.deepEqual(view.summary, [
    {
      text: '9 of the team’s 11 children have been seen within their visiting timescale.',
      href: '/performance/children?team=t1&status=not-seen',
    },
    {
      text: '2 of the team’s children have work that is late.',
      href: '/performance/children?team=t1&status=overdue',
    },
  ]);
  assert.deepEqual(
    view.workers.rows.map((r) => r[0]!.text),
    ['Ben Ali', 'Not allocated', 'Zoe Walsh'],
  );
  assert.deepEqual(
    view.supervision.map((s) => s.name),
    ['Ben Ali', 'Zoe Walsh'],
    'children with no worker are not a worker to talk to in supervision',
  );
  assert.equal(
    view.supervision[0]!.lines[0],
    'Ben Ali has seen 3 of their 4 children within their visiting timescale.',
  );
  assert.deepEqual(view.downloads.rules, {
    csv: '/performance/teams/t1/download.csv?table=work-by-kind',
    xlsx: '/performance/teams/t1/download.xlsx?table=work-by-kind',
  });
  assert.deepEqual(view.backLink, { href: '/performance', text: 'All teams' });
});

test('the work-by-kind table counts late and finished-late work apart, and the forward view links each day', () => {
  const v = teamView(rows());
  const visits = v.tables['work-by-kind'].rows.find((r: { rule: string }) => r.rule === 'cp-visits');
  assert.deepEqual(visits, { rule: 'cp-visits', onTime: 0, dueSoon: 0, late: 2, finishedLate: 1 });
  const page = presentTeamPage({ team, view: v });
  assert.deepEqual(
    page.forward.rows[0]!.map((c) => c.text ?? c.html),
    [
      '2 December 2026',
      // The number's link says what it counts and for which row, in words only a screen reader hears.
      '<a class="govuk-link" href="/performance/children?team=t1&#38;from=2026-12-02&#38;to=2026-12-02">3<span class="govuk-visually-hidden">: children with something due, 2 December 2026</span></a>',
    ],
  );
  assert.equal(v.chart, null);
  const unknown = teamView(rows({ names: new Map() }));
  assert.ok(
    unknown.workers.some((w) => w.name === 'Unknown'),
    'a worker no longer in the directory',
  );
});
