import assert from 'node:assert/strict';
import { test } from 'node:test';
import { breakGlassPanel, outboxPanel, waitingForTeamPanel } from './panels.presenter.ts';

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

test('break-glass sign-ins are counted and the latest is named, for an admin to check', () => {
  const none = breakGlassPanel({ count: 0 });
  assert.equal(none.count, 0);
  assert.deepEqual(none.lines, ['0 sign-ins with the break-glass password in the last 30 days.']);
  const one = breakGlassPanel({
    count: 1,
    latest: { at: '2026-12-01T09:30:00.000Z', actor_name: 'Sam Admin' },
  });
  assert.match(one.lines[0]!, /^1 sign-in with/);
  assert.match(one.lines[1]!, /by Sam Admin on .*Check that each one was needed/);
  assert.equal(one.link?.href, '/admin/audit?action=break-glass-sign-in');
});

test('people made at their first single sign-on are listed for placing in a team', () => {
  assert.match(waitingForTeamPanel(1).lines[0]!, /^1 person has signed in .* and is in no team yet/);
  assert.match(waitingForTeamPanel(3).lines[0]!, /^3 people have signed in .* and are in no team yet/);
});
