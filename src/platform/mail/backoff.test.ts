import assert from 'node:assert/strict';
import { test } from 'node:test';
import { afterFailure, MAIL_MAX_ATTEMPTS, MAX_RETRY_MS, nextAttemptDelayMs } from './backoff.ts';

const MIN = 60_000;

test('the wait doubles from 30 seconds after each failure', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6, 7].map(nextAttemptDelayMs), [
    30_000,
    1 * MIN,
    2 * MIN,
    4 * MIN,
    8 * MIN,
    16 * MIN,
    32 * MIN,
  ]);
});

test('the wait never passes one hour, however many failures', () => {
  assert.equal(nextAttemptDelayMs(8), 60 * MIN);
  assert.equal(nextAttemptDelayMs(9), 60 * MIN);
  assert.equal(nextAttemptDelayMs(1000), MAX_RETRY_MS);
  assert.equal(nextAttemptDelayMs(Number.MAX_SAFE_INTEGER), MAX_RETRY_MS);
});

test('the wait grows with each failure and is never zero', () => {
  let previous = 0;
  for (let attempts = 0; attempts <= 50; attempts++) {
    const wait = nextAttemptDelayMs(attempts);
    assert.ok(wait >= previous && wait > 0, `attempt ${attempts}: ${wait}`);
    previous = wait;
  }
});

test('a failed attempt before the last waits for its next try', () => {
  const now = new Date('2026-11-27T09:00:00.000Z');
  assert.deepEqual(afterFailure(1, MAIL_MAX_ATTEMPTS, now), {
    status: 'pending',
    nextAttemptAt: '2026-11-27T09:00:30.000Z',
  });
  assert.deepEqual(afterFailure(MAIL_MAX_ATTEMPTS - 1, MAIL_MAX_ATTEMPTS, now), {
    status: 'pending',
    nextAttemptAt: '2026-11-27T10:00:00.000Z',
  });
});

test('the last allowed attempt failing marks the row failed', () => {
  const now = new Date('2026-11-27T09:00:00.000Z');
  assert.deepEqual(afterFailure(MAIL_MAX_ATTEMPTS, MAIL_MAX_ATTEMPTS, now), { status: 'failed' });
  assert.deepEqual(afterFailure(3, 3, now), { status: 'failed' });
  assert.deepEqual(afterFailure(4, 3, now), { status: 'failed' });
});

test('a message retried to the end has been tried for a few hours, not days', () => {
  let total = 0;
  for (let a = 1; a < MAIL_MAX_ATTEMPTS; a++) total += nextAttemptDelayMs(a);
  assert.ok(total > 2 * 60 * MIN && total < 12 * 60 * MIN, `${total / MIN} minutes`);
});
