import assert from 'node:assert/strict';
import { test } from 'node:test';
import { REGULATION_DAYS } from './clocks.rules.ts';
import { replay } from './lifecycle.rules.ts';
import { byStageAndMonth, lastTwelveMonths, outcomes, themes } from './reports.rules.ts';

const ctx = { today: '2026-11-27', calendar: REGULATION_DAYS };
const complaint = (receivedOn: string, respondedOn: string, outcome: 'upheld' | 'not-upheld') =>
  replay(
    [
      { type: 'received', on: receivedOn, elements: [{ id: 'a', summary: 's', theme: 'delay' }] },
      { type: 'finding', on: respondedOn, elementId: 'a', outcome, finding: '' },
      { type: 'responded', on: respondedOn },
    ],
    ctx,
  );

test('received and answered in time are counted by stage and month', () => {
  // Received Mon 2 Nov 2026: due Mon 16 Nov. One answered on the 16th (in time), one on the 17th (late).
  const states = [
    complaint('2026-11-02', '2026-11-16', 'upheld'),
    complaint('2026-11-02', '2026-11-17', 'not-upheld'),
  ];
  const months = lastTwelveMonths('2026-11-27');
  assert.equal(months[0], '2025-12');
  assert.equal(months[11], '2026-11');
  const nov = byStageAndMonth(states, months, '2026-11-27').find(
    (r) => r.stage === 1 && r.month === '2026-11',
  );
  assert.deepEqual(nov, { month: '2026-11', stage: 1, received: 2, answered: 2, inTime: 1 });
  assert.deepEqual(themes(states), [{ theme: 'delay', elements: 2 }]);
  assert.deepEqual(outcomes(states)[0], { stage: 1, upheld: 1, 'partly-upheld': 0, 'not-upheld': 1 });
});
