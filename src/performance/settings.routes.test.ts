import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadWorkingCalendar } from '../platform/calendar/closure-days.repo.ts';
import { Browser, createTestApp, personaFor, type TestApp } from '../testing/test-app.ts';
import { dialectsUnderTest } from '../testing/test-db.ts';
import { fieldValue, SETTING_FIELDS } from './rules/setting-fields.rules.ts';
import { DEFAULT_SETTINGS } from './rules/settings.rules.ts';

const RULES = '/performance/how-we-work-it-out';
const CHANGE = `${RULES}/change`;
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/\s+/g, ' ');

/** The change form as a person would send it: every number at its default unless changed. */
const form = (_csrf: string, changes: Record<string, string>, reason?: string) => ({
  _csrf,
  ...Object.fromEntries(SETTING_FIELDS.map((f) => [f.name, String(fieldValue(DEFAULT_SETTINGS, f))])),
  ...changes,
  ...(reason === undefined ? {} : { reason }),
});

/** Everything a change writes, so a refused change can be shown to have written nothing. */
const snapshot = async (t: TestApp) => ({
  settings: await t.db.selectFrom('performance_rule_settings').selectAll().execute(),
  history: await t.db.selectFrom('performance_rule_settings_history').selectAll().execute(),
  audits: await t.db
    .selectFrom('audit_log')
    .select('id')
    .where('record_type', '=', 'performance-rule')
    .execute(),
  statuses: await t.db
    .selectFrom('child_rule_status')
    .selectAll()
    .orderBy('child_id')
    .orderBy('rule')
    .execute(),
});

/** Each child on a child in need plan: when their next visit is due and their status, as stored. */
const cinStatuses = (t: TestApp) =>
  t.db
    .selectFrom('child_rule_status')
    .select(['child_id', 'status', 'due_day', 'last_day'])
    .where('rule', '=', 'cin-visits')
    .orderBy('child_id')
    .execute();

for (const dialect of dialectsUnderTest()) {
  describe(`changing the timescales [${dialect}]`, () => {
    test('the PSW sets child in need visits to every 15 working days, with a reason: the page, the audit and every child follow; then back to the default', async () => {
      const t = await createTestApp(dialect);
      try {
        const helen = personaFor('psw');
        const b = new Browser(t.app);
        await b.signIn(helen.email);
        assert.match((await b.get(RULES)).body, /href="\/performance\/how-we-work-it-out\/change"/);
        const page = await b.get(CHANGE);
        assert.equal(page.statusCode, 200);
        assert.match(text(page.body), /Child in need visits Source: Local procedures/);
        assert.match(text(page.body), /Default: 20\./);

        const before = await cinStatuses(t);
        assert.ok(before.length >= 5, `${before.length} children on child in need plans in the demo`);
        const _csrf = await b.csrfFrom(CHANGE);
        const saved = await b.post(
          CHANGE,
          form(_csrf, { 'cin-visits-workingDays': '15' }, 'Agreed at the practice board'),
        );
        assert.equal(saved.statusCode, 303);
        assert.equal(saved.headers.location, RULES);

        const shown = text((await b.get(RULES)).body);
        assert.match(shown, /Timescales changed \(Child in need visits\)/);
        assert.match(
          shown,
          /own timescale: Seen at least every 15 working days while the plan lasts\. The default is: Seen at least every 20 working days while the plan lasts\. Changed by Helen Marsh on 27 November 2026: Agreed at the practice board/,
        );
        // Only the rule that changed is marked as the authority's own.
        assert.equal(shown.match(/own timescale:/g)?.length, 1);

        const me = await t.db
          .selectFrom('staff')
          .select('id')
          .where('email', '=', helen.email)
          .executeTakeFirstOrThrow();
        const audit = await t.db
          .selectFrom('audit_log')
          .select(['actor_id', 'action', 'record_id', 'summary'])
          .where('record_type', '=', 'performance-rule')
          .execute();
        assert.equal(audit.length, 1);
        assert.equal(audit[0]!.actor_id, me.id);
        assert.equal(audit[0]!.record_id, 'cin-visits');
        assert.match(audit[0]!.summary, /\{"workingDays":15\}: Agreed at the practice board/);
        const stored = await t.db.selectFrom('performance_rule_settings').selectAll().execute();
        assert.deepEqual(
          stored.map((r) => [r.rule, JSON.parse(r.params), r.changed_by, r.reason]),
          [['cin-visits', { workingDays: 15 }, me.id, 'Agreed at the practice board']],
        );

        // Every child's stored answer now counts 15 working days from their last visit (or the plan's start).
        const cal = await loadWorkingCalendar(t.db);
        const after = await cinStatuses(t);
        assert.equal(after.length, before.length);
        // A child not yet visited counts from the start of their plan.
        const planStart = new Map(
          (
            await t.db
              .selectFrom('child_plans')
              .select(['child_id', 'start_day'])
              .where('kind', '=', 'cin')
              .where('end_day', 'is', null)
              .execute()
          ).map((p) => [p.child_id, p.start_day]),
        );
        for (const [i, row] of after.entries()) {
          const from = before[i]!.last_day ?? planStart.get(row.child_id)!;
          assert.equal(row.due_day, cal.addWorkingDays(from, 15), `child ${row.child_id}`);
        }
        const moved = after.filter((r, i) => r.status !== before[i]!.status);
        assert.ok(moved.length > 0, 'at least one child’s status changes');
        assert.ok(
          moved.every((r) => r.status !== 'on-time'),
          'a shorter timescale never makes work more on time',
        );

        // Back to the default, with a reason: the same children, the same answers as before.
        assert.match(
          (await b.get(CHANGE)).body,
          /href="\/performance\/how-we-work-it-out\/change\/cin-visits\/default"/,
        );
        const resetPage = `${CHANGE}/cin-visits/default`;
        const reset = await b.post(resetPage, { _csrf: await b.csrfFrom(resetPage), reason: 'Trial over' });
        assert.equal(reset.statusCode, 303);
        assert.match(text((await b.get(RULES)).body), /Child in need visits is back to the default/);
        assert.deepEqual(await cinStatuses(t), before);
        assert.equal((await t.db.selectFrom('performance_rule_settings').selectAll().execute()).length, 0);
        const history = await t.db
          .selectFrom('performance_rule_settings_history')
          .select(['rule', 'previous_params', 'params', 'reason', 'changed_by_name'])
          .orderBy('reason') // both at the test clock's one instant
          .execute();
        assert.deepEqual(
          history.map((h) => [h.rule, h.previous_params, h.params, h.reason, h.changed_by_name]),
          [
            ['cin-visits', null, '{"workingDays":15}', 'Agreed at the practice board', 'Helen Marsh'],
            ['cin-visits', '{"workingDays":15}', null, 'Trial over', 'Helen Marsh'],
          ],
        );
      } finally {
        await t.drop();
      }
    });

    test('a number out of range, text or no reason: a clear error linked to the field, and nothing changed', async () => {
      const t = await createTestApp(dialect);
      try {
        const b = new Browser(t.app);
        await b.signIn(personaFor('system-admin').email);
        const unchanged = await snapshot(t);
        const cases: [Record<string, string>, string | undefined, string, RegExp][] = [
          [{ 'cin-visits-workingDays': '0' }, 'why', 'cin-visits-workingDays', /from 1 to 365/],
          [{ 'cin-visits-workingDays': '1000' }, 'why', 'cin-visits-workingDays', /from 1 to 365/],
          [{ 'cin-visits-workingDays': 'ten' }, 'why', 'cin-visits-workingDays', /whole number/],
          [{ 'review-conference-thenMonths': '25' }, 'why', 'review-conference-thenMonths', /1 to 24/],
          [{ 'cin-visits-workingDays': '15' }, undefined, 'reason', /Enter the reason for the change/],
          [{ 'cin-visits-workingDays': '15' }, '   ', 'reason', /Enter the reason for the change/],
          [{}, 'nothing to change', 'dueSoonWorkingDays', /You have not changed any timescale/],
        ];
        for (const [changes, reason, field, message] of cases) {
          const _csrf = await b.csrfFrom(CHANGE);
          const res = await b.post(CHANGE, form(_csrf, changes, reason));
          assert.equal(res.statusCode, 303);
          assert.equal(res.headers.location, CHANGE);
          const page = await b.get(CHANGE);
          assert.match(page.body, /There is a problem/);
          assert.match(page.body, new RegExp(`<a href="#${field}">`), `the summary links to ${field}`);
          assert.match(text(page.body), message);
          assert.match(page.body, /<title>Error: /);
          // What the person typed is shown back to them.
          for (const [name, value] of Object.entries(changes)) {
            assert.match(page.body, new RegExp(`name="${name}" type="text" value="${value}"`));
          }
        }
        // The reset page refuses a missing reason too.
        const resetPage = `${CHANGE}/cin-visits/default`;
        await b.post(resetPage, { _csrf: await b.csrfFrom(resetPage), reason: '' });
        assert.match((await b.get(resetPage)).body, /<a href="#reason">Enter the reason for the change/);
        assert.deepEqual(await snapshot(t), unchanged);
        assert.equal((await b.get(`${CHANGE}/no-such-rule/default`)).statusCode, 404);
      } finally {
        await t.drop();
      }
    });

    test('a practitioner and a team manager may read how we work it out, but not change it', async () => {
      const t = await createTestApp(dialect);
      try {
        const unchanged = await snapshot(t);
        for (const role of ['practitioner', 'team-manager'] as const) {
          const b = new Browser(t.app);
          await b.signIn(personaFor(role).email);
          const rules = await b.get(RULES);
          assert.equal(rules.statusCode, 200);
          assert.doesNotMatch(rules.body, /Change the timescales/);
          assert.equal((await b.get(CHANGE)).statusCode, 403, role);
          assert.equal((await b.get(`${CHANGE}/cin-visits/default`)).statusCode, 403, role);
          const _csrf = await b.csrfFrom(RULES);
          const res = await b.post(CHANGE, form(_csrf, { 'cin-visits-workingDays': '15' }, 'sneaky'));
          assert.equal(res.statusCode, 403, role);
          const reset = await b.post(`${CHANGE}/cin-visits/default`, { _csrf, reason: 'sneaky' });
          assert.equal(reset.statusCode, 403, role);
        }
        const after = await snapshot(t);
        assert.deepEqual(after.settings, unchanged.settings);
        assert.deepEqual(after.history, unchanged.history);
        assert.deepEqual(after.audits, unchanged.audits);
      } finally {
        await t.drop();
      }
    });
  });
}
