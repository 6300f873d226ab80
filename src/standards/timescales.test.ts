import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { unlinkTimescale } from '../performance/api.ts';
import { fillCalendarTable } from '../performance/oracle/calendar-table.ts';
import { oracleStatuses } from '../performance/oracle/oracle.ts';
import { loadRuleSettings } from '../performance/settings.repo.ts';
import { changeSettings } from '../performance/settings.service.ts';
import { loadWorkingCalendar } from '../platform/calendar/closure-days.repo.ts';
import { londonDay } from '../platform/calendar/days.ts';
import { Browser, createTestApp, personaFor, type TestApp } from '../testing/test-app.ts';
import { dialectsUnderTest } from '../testing/test-db.ts';
import { formValuesOf } from './library.presenter.ts';
import { findStandard } from './library.repo.ts';
import { amendStandard } from './library.service.ts';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/&ldquo;/g, '“')
    .replace(/&rdquo;/g, '”')
    .replace(/\s+/g, ' ');

const cpStatuses = (t: TestApp) =>
  t.db
    .selectFrom('child_rule_status')
    .select(['child_id', 'status', 'due_day', 'days_late'])
    .where('rule', '=', 'cp-visits')
    .orderBy('child_id')
    .execute();
const cpVisitsStandard = async (t: TestApp) =>
  (
    await t.db
      .selectFrom('standards')
      .select('id')
      .where('timescale_field', '=', 'cp-visits-workingDays')
      .executeTakeFirstOrThrow()
  ).id;
const psw = async (t: TestApp) => {
  const p = personaFor('psw');
  const id = (
    await t.db.selectFrom('staff').select('id').where('email', '=', p.email).executeTakeFirstOrThrow()
  ).id;
  return { id, name: p.name, ip: null, userAgent: null };
};

/** Changes the child protection visits standard's timescale to `days`, as the PSW would. */
async function changeInStandard(t: TestApp, days: number) {
  const id = await cpVisitsStandard(t);
  const r = (await findStandard(t.db, id))!;
  const v = formValuesOf(r, undefined);
  await amendStandard(
    t.db,
    t.clock,
    await psw(t),
    id,
    {
      ...v,
      area: r.area as never,
      level: r.level,
      sourceKind: r.source_kind as never,
      links: [],
      related: [],
      timescaleField: 'cp-visits-workingDays',
      timescaleDays: days,
      inAudit: true,
    },
    {
      summary: `Visits every ${days} working days`,
      reason: 'Agreed at the practice board',
      major: true,
      fromVersion: r.current_version,
    },
  );
  return id;
}

for (const dialect of dialectsUnderTest()) {
  describe(`one source of truth for timescales [${dialect}]`, () => {
    test('a visit timescale changed in its standard changes every child’s status exactly as changing the rule setting does, and the SQL oracle agrees', async () => {
      const viaStandard = await createTestApp(dialect);
      const viaSetting = await createTestApp(dialect);
      try {
        const before = await cpStatuses(viaStandard);
        assert.ok(before.length >= 3, `${before.length} children on child protection plans`);

        const id = await changeInStandard(viaStandard, 5);
        // The same change made on the rule settings page (with the standard's link removed, so it is allowed there).
        await unlinkTimescale(viaSetting.db, 'cp-visits-workingDays');
        const current = await loadRuleSettings(viaSetting.db);
        await changeSettings(
          viaSetting.db,
          viaSetting.clock,
          await psw(viaSetting),
          { ...current, 'cp-visits': { workingDays: 5 } },
          'Same change',
        );

        const a = await cpStatuses(viaStandard);
        assert.deepEqual(a, await cpStatuses(viaSetting), 'the same statuses either way');
        assert.notDeepEqual(a, before, 'the change moved some children’s due dates');
        assert.equal((await loadRuleSettings(viaStandard.db))['cp-visits'].workingDays, 5);

        // The plain-SQL oracle, given the settings in force, agrees with the stored statuses.
        const cal = await loadWorkingCalendar(viaStandard.db);
        await fillCalendarTable(viaStandard.db, cal, '2019-01-01', '2028-12-31');
        const asOf = londonDay(viaStandard.clock.now());
        const oracle = (await oracleStatuses(viaStandard.db, asOf, await loadRuleSettings(viaStandard.db)))
          .filter((r) => r.rule === 'cp-visits')
          .map((r) => `${r.child_id} ${r.status} ${r.due_day} ${r.days_late}`)
          .sort();
        assert.deepEqual(
          oracle,
          a.map((r) => `${r.child_id} ${r.status} ${r.due_day} ${r.days_late}`).sort(),
        );

        // Audited, with the rule's history naming the standard and the reason.
        const history = await viaStandard.db
          .selectFrom('performance_rule_settings_history')
          .select(['rule', 'params', 'reason'])
          .execute();
        assert.equal(history.length, 1);
        assert.match(
          history[0]!.reason,
          /Practice standard “Visit children on a child protection plan at least every 10 working days” version 3: Agreed at the practice board/,
        );
        const audits = await viaStandard.db
          .selectFrom('audit_log')
          .select('record_type')
          .where('record_type', 'in', ['performance-rule', 'practice-standard'])
          .where('record_id', 'in', [id, 'cp-visits'])
          .execute();
        // Added, changed in the demo, changed now: three rows for the standard; one for the rule it changed.
        assert.deepEqual(audits.map((x) => x.record_type).sort(), [
          'performance-rule',
          'practice-standard',
          'practice-standard',
          'practice-standard',
        ]);

        // The pages say so: the standard shows the rule's number, "how we work it out" links to the standard,
        // and the settings page refuses to change a timescale a standard owns.
        const b = new Browser(viaStandard.app);
        await b.signIn(personaFor('psw').email);
        assert.match(
          text((await b.get(`/standards/${id}`)).body),
          /Timescale: 5 working days .*This is the timescale the Hub uses/,
        );
        const rules = (await b.get('/performance/how-we-work-it-out')).body;
        assert.match(
          rules,
          new RegExp(
            `This timescale is set by the practice standard <a class="govuk-link" href="/standards/${id}">`,
          ),
        );
        const page = await b.get('/performance/how-we-work-it-out/change');
        assert.match(
          text(page.body),
          /Set by the practice standard Visit children on a child protection plan .*change it there/,
        );
        const form = Object.fromEntries(
          [...page.body.matchAll(/name="([\w-]+)" type="text" value="(\d+)"/g)].map((m) => [m[1], m[2]]),
        );
        const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
        const refused = await b.post('/performance/how-we-work-it-out/change', {
          _csrf: csrf,
          ...form,
          'cp-visits-workingDays': '12',
          reason: 'Try',
        });
        assert.equal(refused.headers.location, '/performance/how-we-work-it-out/change');
        assert.match(
          text((await b.get('/performance/how-we-work-it-out/change')).body),
          /This timescale is set by the practice standard .*Change it in the standard/,
        );
        assert.equal((await loadRuleSettings(viaStandard.db))['cp-visits'].workingDays, 5, 'nothing changed');
      } finally {
        await viaStandard.drop();
        await viaSetting.drop();
      }
    });
  });
}
