import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHILDREN_SHOWN, childrenDownload, presentChildrenList } from './children-list.presenter.ts';
import { statusRow } from './test-rows.ts';

const cellText = (c: { text?: string; html?: string }) => c.text ?? c.html ?? '';

test('a team’s late children: the caption names the team, each child links back to this very list, and Back goes to the team', () => {
  const filters = { team: 't1', status: 'overdue' };
  const rows = [
    statusRow({ child_id: 'a', status: 'overdue', days_late: 2, due_day: '2026-11-26' }),
    statusRow({
      child_id: 'a',
      rule: 'cp-visits',
      status: 'overdue',
      open: 0,
      days_late: 1,
      last_day: '2026-11-10',
    }),
  ];
  const view = presentChildrenList({ filters, rows, team: { id: 't1', name: 'Assessment Team 1' } });
  assert.equal(view.title, 'The children behind the number');
  assert.equal(view.caption, 'Assessment Team 1');
  assert.equal(view.children, 1, 'one child, two pieces of work');
  assert.equal(view.total, 2);
  assert.deepEqual(view.table.rows[0]!.map(cellText), [
    '<a class="govuk-link" href="/children/a?from=%2Fperformance%2Fchildren%3Fteam%3Dt1%26status%3Doverdue">Ruby Khan</a>',
    'C000001',
    'Visit 2 working days late: it was due by Thursday 26 November 2026',
    'Late',
    '2026-11-26',
    '2',
    'Amina Hussain',
    'Assessment Team 1',
  ]);
  assert.equal(view.table.rows[1]![3]!.text, 'Finished late');
  assert.deepEqual(view.backLink, { href: '/performance/teams/t1', text: 'Back to Assessment Team 1' });
  assert.deepEqual(view.downloads, {
    csv: '/performance/children/download.csv?team=t1&status=overdue',
    xlsx: '/performance/children/download.xlsx?team=t1&status=overdue',
  });
});

test('a long list shows the first 200 pieces of work and says how many there are; the download has them all', () => {
  const rows = Array.from({ length: CHILDREN_SHOWN + 5 }, (_, i) => statusRow({ child_id: `c${i}` }));
  const view = presentChildrenList({ filters: {}, rows });
  assert.equal(view.shown, 200);
  assert.equal(view.total, 205);
  assert.equal(view.table.rows.length, 200);
  assert.equal(view.caption, undefined);
  assert.deepEqual(view.backLink, { href: '/performance', text: 'Back' });
  assert.equal(childrenDownload({ filters: {}, rows }).rows.length, 205);
});
