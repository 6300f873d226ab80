import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadWorkingCalendar } from '../../platform/calendar/closure-days.repo.ts';
import type { WorkingCalendar } from '../../platform/calendar/working-days.ts';
import type { DbOrTrx } from '../../platform/db/db.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { dialectsUnderTest } from '../../testing/test-db.ts';
import { seedChildren } from '../demo/children.ts';
import { loadEpisodes } from '../episodes.repo.ts';
import { evaluateChild } from '../rules/engine.rules.ts';
import { DEFAULT_SETTINGS, type RuleSettings, withOverrides } from '../rules/settings.rules.ts';
import { fillCalendarTable } from './calendar-table.ts';
import { oracleStatuses } from './oracle.ts';

// Days chosen to fall across bank holidays, Christmas and a weekend, as well as today.
const AS_OF = ['2026-11-27', '2026-11-29', '2025-12-24', '2026-01-02', '2026-06-01', '2026-08-31'];

// Every number different from its default, including months that land on the 29th to 31st.
const LOCAL: RuleSettings = withOverrides({
  dueSoonWorkingDays: 8,
  assessment: { workingDays: 35 },
  icpc: { workingDays: 12 },
  'first-core-group': { workingDays: 7 },
  'review-conference': { firstMonths: 2, thenMonths: 5 },
  'cp-visits': { workingDays: 15 },
  'cin-visits': { workingDays: 15 },
  'lac-visits': { afterPlacementDays: 5, firstYearDays: 30, longTermMonths: 4, otherDays: 50 },
  'lac-reviews': { firstWorkingDays: 25, secondMonths: 4, thenMonths: 5 },
});

/** Compares engine and oracle on every day; returns how many child-rule answers were compared. */
async function compare(db: DbOrTrx, cal: WorkingCalendar, settings: RuleSettings) {
  const episodes = await loadEpisodes(db);
  let compared = 0;
  for (const asOf of AS_OF) {
    const engine: string[] = [];
    for (const [id, e] of episodes) {
      for (const r of evaluateChild(e, cal, asOf, settings)) {
        if (r.status !== 'not-applicable')
          engine.push(`${id} ${r.rule} ${r.status} ${r.dueDay} ${r.daysLate}`);
      }
    }
    const oracle = (await oracleStatuses(db, asOf, settings)).map(
      (r) => `${r.child_id} ${r.rule} ${r.status} ${r.due_day} ${r.days_late}`,
    );
    assert.deepEqual(oracle.sort(), engine.sort(), `as of ${asOf}`);
    assert.ok(
      new Set(engine.map((e) => e.split(' ')[2])).size >= 3,
      'on time, due soon and overdue all occur',
    );
    compared += engine.length;
  }
  return compared;
}

for (const dialect of dialectsUnderTest()) {
  describe(`the plain-SQL oracle agrees with the rules engine [${dialect}]`, () => {
    test(`every child's status, due date and lateness, on ${AS_OF.length} days, under the defaults and under local timescales`, async () => {
      const t = await createTestApp(dialect);
      try {
        await seedChildren(t.db, t.clock, 600, { idPrefix: 'B', seed: 7 }); // on top of the demo's own children
        const cal = await loadWorkingCalendar(t.db);
        await fillCalendarTable(t.db, cal, '2019-01-01', '2028-12-31');
        const byDefault = await compare(t.db, cal, DEFAULT_SETTINGS);
        assert.ok(byDefault > 5000, `compared ${byDefault} child-rule answers under the defaults`);

        for (const [key, value] of Object.entries(LOCAL)) {
          assert.notDeepEqual(value, DEFAULT_SETTINGS[key as keyof RuleSettings], `${key} is changed`);
        }
        const local = await compare(t.db, cal, LOCAL);
        assert.ok(local > 5000, `compared ${local} child-rule answers under local timescales`);
        // The local settings really change answers (so agreement is not agreement on the defaults).
        const a = await oracleStatuses(t.db, AS_OF[0]!, DEFAULT_SETTINGS);
        const b = await oracleStatuses(t.db, AS_OF[0]!, LOCAL);
        const changedDue = b.filter((r, i) => a[i]?.due_day !== r.due_day).length;
        assert.ok(changedDue > 100, `${changedDue} due dates move under the local timescales`);
      } finally {
        await t.drop();
      }
    });
  });
}
