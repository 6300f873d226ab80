import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { systemActor } from '../platform/audit/audit.ts';
import { addCalendarDays, londonDay } from '../platform/calendar/days.ts';
import { Browser, createTestApp, personaFor } from '../testing/test-app.ts';
import { dialectsUnderTest } from '../testing/test-db.ts';
import { activeOn } from './dates.rules.ts';
import { applyLeavingDates } from './leaving.service.ts';
import { updateStaff } from './staff.service.ts';

test('someone working their notice can sign in; from their leaving date on they cannot', () => {
  assert.equal(activeOn(null, '2026-12-02'), 1);
  assert.equal(activeOn('2026-12-31', '2026-12-02'), 1);
  assert.equal(activeOn('2026-12-02', '2026-12-02'), 0);
  assert.equal(activeOn('2026-11-30', '2026-12-02'), 0);
});

for (const dialect of dialectsUnderTest()) {
  describe(`leaving dates [${dialect}]`, () => {
    test('a future leaving date keeps the person signed in until it comes; then the nightly job ends their access, audited', async () => {
      const t = await createTestApp(dialect);
      try {
        const who = personaFor('practitioner');
        const person = await t.db
          .selectFrom('staff')
          .select(['id', 'team_id'])
          .where('email', '=', who.email)
          .executeTakeFirstOrThrow();
        const today = londonDay(t.clock.now());
        const leaving = addCalendarDays(today, 14);
        await updateStaff(t.db, t.clock, systemActor('test'), person.id, {
          teamId: person.team_id,
          roles: ['practitioner'],
          isAgency: false,
          leftOn: leaving,
        });
        const active = async () =>
          (
            await t.db
              .selectFrom('staff')
              .select('active')
              .where('id', '=', person.id)
              .executeTakeFirstOrThrow()
          ).active;
        assert.equal(await active(), 1, 'still working their notice');
        const b = new Browser(t.app);
        await b.signIn(who.email);
        assert.equal((await b.get('/')).statusCode, 200, 'signs in and works as before');

        // Late on the day before, the job changes nothing (a session lasts an idle hour, so sign in again).
        t.clock.set(`${addCalendarDays(leaving, -1)}T23:50:00Z`);
        const late = new Browser(t.app);
        await late.signIn(who.email);
        assert.equal(await applyLeavingDates(t.db, t.clock), 0);
        assert.equal((await late.get('/')).statusCode, 200);

        // Their leaving date: the session still works until the job runs; then it ends, audited.
        t.clock.set(`${leaving}T00:05:00Z`);
        assert.equal((await late.get('/')).statusCode, 200, 'the job, not the date alone, ends access');
        assert.equal(await applyLeavingDates(t.db, t.clock), 1);
        assert.equal(await active(), 0);
        const after = await late.get('/');
        assert.equal(after.statusCode, 303, 'the session has ended');
        assert.match(String(after.headers.location), /^\/sign-in/);
        const again = new Browser(t.app);
        await again.signIn(who.email);
        assert.equal((await again.get('/')).statusCode, 303, 'and they cannot sign in again');
        const audit = await t.db
          .selectFrom('audit_log')
          .select('summary')
          .where('record_id', '=', person.id)
          .where('summary', 'like', '%leaving date%')
          .execute();
        assert.equal(audit.length, 1);
        assert.match(audit[0]!.summary, new RegExp(`their leaving date \\(${leaving}\\) has come`));
        assert.equal(await applyLeavingDates(t.db, t.clock), 0, 'and the next run finds nobody new');
      } finally {
        await t.drop();
      }
    });
  });
}
