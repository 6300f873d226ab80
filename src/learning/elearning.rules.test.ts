import assert from 'node:assert/strict';
import { test } from 'node:test';
import { complianceSentence, moduleStanding, needsDoing } from './elearning.rules.ts';

test('a completion lasts for the renewal period', () => {
  assert.deepEqual(moduleStanding(null, 12, '2026-11-27'), { kind: 'never' });
  assert.deepEqual(moduleStanding('2020-01-01', null, '2026-11-27'), { kind: 'current', until: null });
  assert.deepEqual(moduleStanding('2025-11-27', 12, '2026-11-27'), { kind: 'expired', since: '2026-11-27' });
  assert.deepEqual(moduleStanding('2025-12-15', 12, '2026-11-27'), { kind: 'due-soon', until: '2026-12-15' });
  assert.deepEqual(moduleStanding('2026-06-01', 12, '2026-11-27'), { kind: 'current', until: '2027-06-01' });
  assert.equal(needsDoing(moduleStanding('2025-11-27', 12, '2026-11-27')), true);
  assert.equal(needsDoing(moduleStanding('2025-12-15', 12, '2026-11-27')), false);
});

test('compliance is said in people', () => {
  assert.equal(
    complianceSentence(4, 9, 'Unconscious Bias', 'your team'),
    '4 people in your team have not completed Unconscious Bias, or need to renew it.',
  );
  assert.equal(
    complianceSentence(1, 9, 'Unconscious Bias', 'your team'),
    '1 person in your team has not completed Unconscious Bias, or needs to renew it.',
  );
  assert.equal(
    complianceSentence(0, 9, 'Unconscious Bias', 'your team'),
    'Everyone in your team is up to date with Unconscious Bias.',
  );
});
