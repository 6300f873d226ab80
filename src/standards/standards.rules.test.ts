import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ackState,
  ackVersionProblem,
  isPastReview,
  nextAckVersion,
  reviewDateProblem,
  timescaleProblem,
} from './standards.rules.ts';

test('acknowledgement state across a major version: an older acknowledgement asks again, a later one counts', () => {
  assert.equal(ackState([], 1), 'to-read');
  assert.equal(ackState([1], 1), 'done');
  // Version 2 was minor (ackVersion stays 1): reading version 1 still counts.
  assert.equal(ackState([1], nextAckVersion(1, 2, false)), 'done');
  // Version 3 is major: version 1 no longer counts.
  const after = nextAckVersion(1, 3, true);
  assert.equal(after, 3);
  assert.equal(ackState([1], after), 'again');
  assert.equal(ackState([1, 3], after), 'done');
  // A minor version 4 after it: acknowledging 3 still counts, so does 4.
  assert.equal(ackState([3], nextAckVersion(3, 4, false)), 'done');
  assert.equal(ackState([4], 3), 'done');
});

test('bad input: a timescale of zero or over a year, a past review date, a replaced version', () => {
  assert.equal(timescaleProblem(null), null);
  assert.equal(timescaleProblem(10), null);
  assert.equal(timescaleProblem(260), null);
  assert.match(timescaleProblem(0)!, /at least 1 working day/);
  assert.match(timescaleProblem(261)!, /more than a year/);
  assert.match(reviewDateProblem('2026-12-01', '2026-12-02')!, /future/);
  assert.match(reviewDateProblem('2026-12-02', '2026-12-02')!, /future/);
  assert.equal(reviewDateProblem('2026-12-03', '2026-12-02'), null);
  assert.equal(isPastReview('2026-12-01', '2026-12-02'), true);
  assert.equal(isPastReview('2026-12-02', '2026-12-02'), false);
  assert.equal(ackVersionProblem(3, 3), null);
  assert.match(ackVersionProblem(2, 3)!, /replaced/);
});
