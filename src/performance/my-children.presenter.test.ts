import assert from 'node:assert/strict';
import { test } from 'node:test';
import { myChildrenDownload, presentMyChildren } from './my-children.presenter.ts';
import { statusRow } from './test-rows.ts';

const window = { from: '2026-11-30', to: '2026-12-14' };

test('my children this week: late work first, each child once, in sentences about the child', () => {
  const rows = [
    statusRow({ child_id: 'a', child_name: 'Alfie Ali', rule: 'cin-visits', due_day: '2026-12-02' }),
    statusRow({
      child_id: 'b',
      child_name: 'Zara Lewis',
      status: 'overdue',
      days_late: 3,
      due_day: '2026-11-25',
    }),
    statusRow({ child_id: 'b', child_name: 'Zara Lewis', rule: 'assessment', due_day: '2027-01-20' }),
  ];
  const view = presentMyChildren({ rows, window });
  assert.equal(view.title, 'My children this week');
  assert.equal(view.count, 2);
  assert.deepEqual(
    view.table.rows.map((r) => r.map((c) => ('text' in c ? c.text : c.html))),
    [
      [
        '<a class="govuk-link" href="/children/b?from=%2Fperformance%2Fmy-children">Zara Lewis</a>',
        'Visit 3 working days late: it was due by Wednesday 25 November 2026',
        'Nothing',
      ],
      [
        '<a class="govuk-link" href="/children/a?from=%2Fperformance%2Fmy-children">Alfie Ali</a>',
        'Nothing',
        'Visit due by Wednesday 2 December 2026',
      ],
    ],
    'work due after the two weeks (the assessment in January) is not listed',
  );
  assert.deepEqual(view.summary, [
    'You have seen 1 of your 2 children within their visiting timescale.',
    '1 of your children has work that is late.',
    '1 of your children has something due in the next two weeks.',
  ]);
  assert.deepEqual(view.downloads, {
    csv: '/performance/my-children/download.csv',
    xlsx: '/performance/my-children/download.xlsx',
  });
});

test('a practitioner with no children is told so by the page (count 0), and the download has the same rows', () => {
  const view = presentMyChildren({ rows: [], window });
  assert.equal(view.count, 0);
  assert.equal(view.summary[0], 'None of your children has a visiting timescale at the moment.');
  const rows = [statusRow()];
  assert.deepEqual(
    myChildrenDownload(rows, window).rows.map((c) => c.name),
    ['Ruby Khan'],
  );
});
