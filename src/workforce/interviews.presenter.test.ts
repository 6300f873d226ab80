import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linkUnusableView, presentOverview, questionnaireFields } from './interviews.presenter.ts';

const reasons = [
  { id: 'caseload', label: 'Caseload', position: 1, active: 1 as const, created_at: '' },
  { id: 'pay', label: 'Pay', position: 2, active: 1 as const, created_at: '' },
];

test('the questionnaire keeps the answers given, with every rating able to be left unanswered', () => {
  const f = questionnaireFields(reasons, {
    values: { reasons: ['pay'], mainReason: 'pay', caseload: '2' },
    errors: undefined,
  });
  assert.deepEqual(
    f.reasonItems.map((r) => r.checked),
    [false, true],
  );
  assert.deepEqual(
    f.mainReasonItems.map((r) => r.checked),
    [false, true],
  );
  const caseload = f.ratings.find((r) => r.name === 'caseload')!;
  assert.equal(caseload.items.find((i) => i.checked)?.value, '2');
  assert.ok(f.ratings.every((r) => r.items.some((i) => i.text === 'Not answered')));
});

test('someone who is neither the PSW nor a delegate is told who may read interviews, and sees none', () => {
  assert.deepEqual(presentOverview(null, '2026-11-27'), { title: 'Exit interviews', allowed: false });
});

test('leavers without an interview are listed; a self-service link is offered only before the leaving date', () => {
  const v = presentOverview(
    {
      interviews: [],
      leaving: [
        {
          id: 'a',
          name: 'Gone',
          left_on: '2026-09-30',
          team_name: 'T',
          job_title: '',
          service_name: '',
          is_agency: 0,
        },
        {
          id: 'b',
          name: 'Going',
          left_on: '2026-12-20',
          team_name: 'T',
          job_title: '',
          service_name: '',
          is_agency: 0,
        },
      ],
    },
    '2026-11-27',
  );
  assert.ok(v.allowed);
  assert.deepEqual(
    v.toInterview?.map((l) => [l.name, l.future]),
    [
      ['Gone', false],
      ['Going', true],
    ],
  );
});

test('an unusable link says the same whatever the reason', () => {
  assert.match(linkUnusableView().message, /expired or has already been used/);
});
