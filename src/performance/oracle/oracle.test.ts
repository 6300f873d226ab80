import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seedChildren } from '../../demo/children.ts';
import { loadWorkingCalendar } from '../../platform/calendar/closure-days.repo.ts';
import { createTestApp } from '../../platform/testing/test-app.ts';
import { dialectsUnderTest } from '../../platform/testing/test-db.ts';
import { loadEpisodes } from '../episodes.repo.ts';
import { evaluateChild } from '../rules/engine.ts';
import { fillCalendarTable } from './calendar-table.ts';
import { oracleStatuses } from './oracle.ts';

// Days chosen to fall across bank holidays, Christmas and a weekend, as well as today.
const AS_OF = ['2026-11-27', '2026-11-29', '2025-12-24', '2026-01-02', '2026-06-01', '2026-08-31'];

for (const dialect of dialectsUnderTest()) {
  describe(`the plain-SQL oracle agrees with the rules engine [${dialect}]`, () => {
    test(`every child's status, due date and lateness, on ${AS_OF.length} days`, async () => {
      const t = await createTestApp(dialect);
      try {
        await seedChildren(t.db, t.clock, 600, { idPrefix: 'B', seed: 7 }); // on top of the demo's own children
        const cal = await loadWorkingCalendar(t.db);
        await fillCalendarTable(t.db, cal, '2019-01-01', '2028-12-31');
        const episodes = await loadEpisodes(t.db);
        let compared = 0;
        for (const asOf of AS_OF) {
          const engine: string[] = [];
          for (const [id, e] of episodes) {
            for (const r of evaluateChild(e, cal, asOf)) {
              if (r.status !== 'not-applicable')
                engine.push(`${id} ${r.rule} ${r.status} ${r.dueDay} ${r.daysLate}`);
            }
          }
          const oracle = (await oracleStatuses(t.db, asOf)).map(
            (r) => `${r.child_id} ${r.rule} ${r.status} ${r.due_day} ${r.days_late}`,
          );
          assert.deepEqual(oracle.sort(), engine.sort(), `as of ${asOf}`);
          assert.ok(
            new Set(engine.map((e) => e.split(' ')[2])).size >= 3,
            'on time, due soon and overdue all occur',
          );
          compared += engine.length;
        }
        assert.ok(compared > 5000, `compared ${compared} child-rule answers`);
      } finally {
        await t.drop();
      }
    });
  });
}
