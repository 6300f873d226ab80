import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { createTestApp } from '../../testing/test-app.ts';

// Who may do what, as the app declares it: every route with its permission and whether viewing it is
// audited. The file is committed; a change to it shows in a diff that the commit must explain.
// Run with UPDATE_ROUTE_SNAPSHOT=1 to write it after a deliberate change.
const SNAPSHOT = new URL('./routes.snapshot.txt', import.meta.url);

test('the declared routes, their permissions and audit rules match the committed snapshot', async () => {
  const t = await createTestApp('sqlite');
  try {
    const lines = t.app.declaredRoutes
      .filter((r) => r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url} ${r.permission} ${r.audited ? 'audited' : 'not-audited'}`)
      .sort();
    const now = `${[...new Set(lines)].join('\n')}\n`;
    if (process.env.UPDATE_ROUTE_SNAPSHOT === '1') writeFileSync(SNAPSHOT, now);
    assert.equal(now, readFileSync(SNAPSHOT, 'utf8'));
  } finally {
    await t.drop();
  }
});
