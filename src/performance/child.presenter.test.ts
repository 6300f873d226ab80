import assert from 'node:assert/strict';
import { test } from 'node:test';
import { presentChild } from './child.presenter.ts';
import type { RuleResult } from './rules/types.ts';

const child = {
  name: 'Ruby Khan',
  local_id: 'C000001',
  date_of_birth: '2015-03-02',
  worker_name: null,
  team_name: 'Assessment Team 1',
};
const result = (over: Partial<RuleResult>): RuleResult => ({
  rule: 'assessment',
  status: 'on-time',
  dueDay: '2026-12-14',
  lastDay: null,
  daysLate: 0,
  open: true,
  ...over,
});

test('a child’s page: details, each piece of work with a timescale in words, and the latest visits first', () => {
  const visits = Array.from({ length: 12 }, (_, i) => ({
    day: `2026-11-${String(i + 1).padStart(2, '0')}`,
    seen: i !== 11,
  }));
  const view = presentChild(
    {
      child,
      results: [
        result({}),
        result({ rule: 'icpc', status: 'not-applicable', dueDay: null }),
        result({
          rule: 'cp-visits',
          status: 'overdue',
          dueDay: '2026-11-20',
          lastDay: '2026-11-06',
          daysLate: 6,
        }),
      ],
      visits,
    },
    '/performance/children?status=overdue',
  );
  assert.equal(view.title, 'Ruby Khan');
  assert.deepEqual(
    view.details.map((d) => [d.key.text, d.value.text]),
    [
      ['Local id', 'C000001'],
      ['Date of birth', '2 March 2015'],
      ['Allocated worker', 'Not allocated'],
      ['Team', 'Assessment Team 1'],
    ],
  );
  assert.deepEqual(
    view.rows.map((r) => r.map((c) => c.text)),
    [
      ['Assessment', 'Assessment due by Monday 14 December 2026', 'On time', 'None yet'],
      [
        'Child protection visits',
        'Visit 6 working days late: it was due by Friday 20 November 2026',
        'Late',
        '6 November 2026',
      ],
    ],
    'work with no timescale for the child (no conference due) is left out',
  );
  assert.equal(view.visits.length, 10);
  assert.deepEqual(view.visits[0], [{ text: 'Thursday 12 November 2026' }, { text: 'Not seen' }]);
  assert.deepEqual(view.backLink, { href: '/performance/children?status=overdue', text: 'Back' });
});

test('Back goes to the list the person came from only if it is on this site; otherwise to their children', () => {
  const page = (from: unknown) => presentChild({ child, results: [], visits: [] }, from).backLink.href;
  assert.equal(page(undefined), '/performance/my-children');
  assert.equal(page('https://evil.example/'), '/');
  assert.equal(page('//evil.example/'), '/');
  assert.equal(page('/performance/teams/t1'), '/performance/teams/t1');
});
