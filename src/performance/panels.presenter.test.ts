import assert from 'node:assert/strict';
import { test } from 'node:test';
import { myChildrenPanelView, teamChildrenPanelView } from './panels.presenter.ts';

test('the practitioner’s panel counts their children this week, in the next seven days, naming no child', () => {
  const panel = myChildrenPanelView({ visited: 18, notSeen: 1, overdue: 2, dueSoon: 1 });
  assert.deepEqual(panel, {
    title: 'Your children this week',
    count: 2,
    lines: [
      'You have seen 17 of your 18 children within their visiting timescale.',
      '2 of your children have work that is late.',
      '1 of your children has something due in the next seven days.',
    ],
    link: { href: '/performance/my-children', text: 'See what is due for each child' },
  });
  assert.equal(myChildrenPanelView(undefined), null, 'no panel for someone with no children');
});

test('a manager’s panel is about their team or service; the PSW’s about the whole authority', () => {
  const rows = [
    { visited: 10, notSeen: 2, overdue: 3, dueSoon: 0 },
    { visited: 5, notSeen: 0, overdue: 1, dueSoon: 4 },
  ];
  const team = teamChildrenPanelView({ kind: 'team', teamId: 't1', userId: 'u' }, rows);
  assert.equal(team.title, 'Your team’s children');
  assert.equal(team.count, 4);
  assert.deepEqual(team.lines, [
    '13 of your team’s 15 children with a visiting timescale have been seen within it.',
    '4 of your team’s children have work that is late.',
  ]);
  assert.equal(team.link?.href, '/performance/teams/t1');
  const service = teamChildrenPanelView({ kind: 'service', serviceId: 's1', userId: 'u' }, rows);
  assert.equal(service.title, 'Your service’s children');
  assert.equal(service.link?.href, '/performance');
  const all = teamChildrenPanelView({ kind: 'all' }, []);
  assert.equal(all.title, 'Our children');
  assert.deepEqual(all.lines, [
    '0 of our 0 children with a visiting timescale have been seen within it.',
    'None of our children has work that is late.',
  ]);
});
