import assert from 'node:assert/strict';
import { test } from 'node:test';
import { presentSsoRefused } from './oidc.presenter.ts';

test('each refusal says what happened and who can help, in plain words', () => {
  const unknown = presentSsoRefused('unknown', 'Calderbrook Council');
  assert.equal(unknown.status, 403);
  assert.match(unknown.paragraphs.join(' '), /Calderbrook Council account/);
  assert.match(unknown.paragraphs.join(' '), /Ask a system admin/);
  assert.equal(unknown.again, false, 'signing in again would not help until someone adds them');
  assert.equal(presentSsoRefused('failed', 'X').status, 400);
  assert.equal(presentSsoRefused('expired', 'X').again, true);
  const titles = (['unknown', 'left', 'no-role', 'refused-by-provider', 'expired', 'failed'] as const).map(
    (r) => presentSsoRefused(r, 'X').title,
  );
  assert.equal(new Set(titles).size, titles.length, 'every page has its own title');
});
