import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadWorkingCalendar } from '../platform/calendar/closure-days.repo.ts';
import { createTestApp } from '../testing/test-app.ts';
import { dialectsUnderTest } from '../testing/test-db.ts';
import { seedChildren } from './demo/children.ts';
import { loadEpisodes } from './episodes.repo.ts';
import { evaluateChild } from './rules/engine.rules.ts';
import { loadRuleSettings } from './settings.repo.ts';
import { ensureStatuses, refreshStatuses, statusesAsOf, storedTrends } from './status.service.ts';
import { weeklyTrends } from './trends.rules.ts';

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

for (const dialect of dialectsUnderTest()) {
  test(`statuses and trends worked out a thousand children at a time equal the whole authority worked out at once [${dialect}]`, async () => {
    const t = await createTestApp(dialect);
    try {
      await seedChildren(t.db, t.clock, 1500, { idPrefix: 'S', seed: 11 }); // more than one batch
      const asOf = '2026-11-27';
      await refreshStatuses(t.db, asOf);
      const [cal, settings, episodes, children] = await Promise.all([
        loadWorkingCalendar(t.db),
        loadRuleSettings(t.db),
        loadEpisodes(t.db),
        t.db.selectFrom('children').select(['id', 'team_id']).execute(),
      ]);
      assert.ok(children.length > 1500);
      const whole = children.flatMap(({ id }) =>
        evaluateChild(episodes.get(id)!, cal, asOf, settings)
          .filter((r) => r.status !== 'not-applicable')
          .map((r) => `${id} ${r.rule} ${r.status} ${r.dueDay} ${r.daysLate}`),
      );
      const stored = await t.db.selectFrom('child_rule_status').selectAll().execute();
      assert.deepEqual(
        stored.map((r) => `${r.child_id} ${r.rule} ${r.status} ${r.due_day} ${r.days_late}`).sort(),
        whole.sort(),
      );
      const wholeTrends = weeklyTrends(
        children.map((c) => ({ teamId: c.team_id, episodes: episodes.get(c.id)! })),
        cal,
        asOf,
        settings,
      );
      assert.deepEqual(await storedTrends(t.db), wholeTrends);
    } finally {
      await t.drop();
    }
  });
}
