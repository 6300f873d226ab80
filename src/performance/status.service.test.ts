import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp } from '../platform/testing/test-app.ts';
import { dialectsUnderTest } from '../platform/testing/test-db.ts';
import { ensureStatuses, statusesAsOf } from './status.service.ts';

for (const dialect of dialectsUnderTest()) {
  test(`on a new day, many requests at once work the statuses out once, and all see the same answer [${dialect}]`, async () => {
    const t = await createTestApp(dialect);
    try {
      const before = await ensureStatuses(t.db, '2026-11-27');
      const versions = await Promise.all(Array.from({ length: 8 }, () => ensureStatuses(t.db, '2026-11-30')));
      assert.equal(new Set(versions).size, 1, 'one refresh, one version');
      assert.notEqual(versions[0], before);
      assert.equal(await statusesAsOf(t.db), '2026-11-30');
      const days = await t.db.selectFrom('child_rule_status').select('as_of').distinct().execute();
      assert.deepEqual(days, [{ as_of: '2026-11-30' }], 'no mixture of days');
      // A reader while a refresh runs sees the old set or the new one, never a mixture.
      const refresh = ensureStatuses(t.db, '2026-12-01');
      const seen = await t.db.selectFrom('child_rule_status').select('as_of').distinct().execute();
      assert.equal(seen.length, 1);
      await refresh;
    } finally {
      await t.drop();
    }
  });
}
