import assert from 'node:assert/strict';
import { test } from 'node:test';
import { outboxPanel } from './panels.presenter.ts';

test('the outbox panel counts waiting and failed messages, and warns when no mail server is set', () => {
  const ok = outboxPanel({ pending: 1, sent: 30, failed: 0 }, true);
  assert.equal(ok.count, 1);
  assert.deepEqual(ok.lines, ['1 message is waiting to be sent.']);
  const bad = outboxPanel({ pending: 3, sent: 0, failed: 2 }, false);
  assert.equal(bad.count, 5);
  assert.deepEqual(bad.lines, [
    '3 messages are waiting to be sent.',
    '2 messages could not be sent after many tries.',
    'No mail server is set up (SMTP_URL), so messages stay in the outbox.',
  ]);
});
