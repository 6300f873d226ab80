import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Browser, createTestApp, personaFor, type TestApp } from '../../testing/test-app.ts';
import { dialectsUnderTest } from '../../testing/test-db.ts';

// Issue 11 items 3 and 4: a date a field cannot mean, or a name with no letters, is refused
// with a sentence saying what it may be, the form comes back with the answers as typed, never
// a 500, and nothing is written. The test clock is Friday 27 November 2026.

const count = async (t: TestApp, table: 'complaints' | 'teams' | 'services' | 'lrn_cpd') =>
  (await t.db.selectFrom(table).select('id').execute()).length;

const complaint = (teamId: string, _csrf: string, receivedOn: string) => ({
  _csrf,
  receivedOn,
  receivedHow: 'email',
  complainantName: 'Ms P. Example',
  complainantRelationship: 'mother',
  advocateOffered: 'yes',
  childInRecords: 'no',
  childName: 'Child Q',
  teamId,
  summary: 'The family were not told about a meeting',
  element1: 'Not told about the meeting',
  theme1: 'communication',
});

for (const dialect of dialectsUnderTest()) {
  describe(`dates and names a field cannot mean [${dialect}]`, () => {
    test('complaint received dates, CPD dates, leaving dates and team names', async () => {
      const t = await createTestApp(dialect);
      try {
        const officer = new Browser(t.app);
        await officer.signIn(personaFor('complaints-officer').email);
        const team = await t.db.selectFrom('teams').select('id').executeTakeFirstOrThrow();
        const csrf = await officer.csrfFrom('/complaints/new');
        const before = await count(t, 'complaints');
        // 1979-12-31 once crashed the working-day clock (RangeError, 500); 1985 was kept as overdue.
        for (const day of [
          '1979-12-31',
          '1985-06-01',
          '2015-03-31',
          '0001-01-01',
          '9999-12-31',
          '2026-11-28',
        ]) {
          const res = await officer.post('/complaints/new', complaint(team.id, csrf, day));
          assert.equal(res.statusCode, 303, day);
          const page = (await officer.get('/complaints/new')).body;
          assert.match(
            page,
            /The date received must be today or earlier, and not before 1 April 2015, when the service’s records begin/,
            day,
          );
          assert.match(page, new RegExp(`value="${day}"`), `the typed date is kept: ${day}`);
        }
        assert.equal(await count(t, 'complaints'), before, 'nothing was registered');
        const ok = await officer.post('/complaints/new', complaint(team.id, csrf, '2015-04-01'));
        assert.equal(ok.statusCode, 303);
        assert.equal(await count(t, 'complaints'), before + 1);

        // CPD: this registration year or last, not the future.
        const worker = new Browser(t.app);
        await worker.signIn(personaFor('practitioner').email);
        const cpdCsrf = await worker.csrfFrom('/learning/cpd');
        const cpdBefore = await count(t, 'lrn_cpd');
        for (const day of ['1985-01-01', '2024-11-30', '2026-11-28']) {
          await worker.post('/learning/cpd/new', { _csrf: cpdCsrf, title: 'Reading', day, reflection: 'x' });
          assert.match(
            (await worker.get('/learning/cpd')).body,
            /must be today or earlier, and not before 1 December 2024, when last year’s Social Work England registration year began/,
            day,
          );
        }
        assert.equal(await count(t, 'lrn_cpd'), cpdBefore);

        // Team and service names must contain letters.
        const admin = new Browser(t.app);
        await admin.signIn(personaFor('system-admin').email);
        const service = await t.db.selectFrom('services').select('id').executeTakeFirstOrThrow();
        const teamCsrf = await admin.csrfFrom('/teams/new');
        const teams = await count(t, 'teams');
        const services = await count(t, 'services');
        for (const name of ['-1', '0', '0000-00-00']) {
          assert.equal(
            (await admin.post('/teams/new', { _csrf: teamCsrf, name, serviceId: service.id })).statusCode,
            303,
          );
          assert.match((await admin.get('/teams/new')).body, /The team’s name must contain letters/, name);
          await admin.post('/teams/services/new', { _csrf: teamCsrf, name });
          assert.match(
            (await admin.get('/teams/services/new')).body,
            /The service’s name must contain letters/,
          );
        }
        const lone = await admin.post('/teams/new', {
          _csrf: teamCsrf,
          name: '\u0001',
          serviceId: service.id,
        });
        assert.ok(lone.statusCode < 500);
        assert.equal(await count(t, 'teams'), teams);
        assert.equal(await count(t, 'services'), services);

        // A leaving date in 1900 is not one the Hub can mean.
        // Someone still working here (the demo has leavers too).
        const staffId = (
          await t.db.selectFrom('staff').select('id').where('left_on', 'is', null).executeTakeFirstOrThrow()
        ).id;
        const editCsrf = await admin.csrfFrom(`/staff/${staffId}/edit`);
        await admin.post(`/staff/${staffId}/edit`, { _csrf: editCsrf, isAgency: 'no', leftOn: '1900-01-01' });
        assert.match(
          (await admin.get(`/staff/${staffId}/edit`)).body,
          /The leaving date must be between 1 April 2015, when the service’s records begin and 27 November 2027, a year from today/,
        );
        const left = await t.db
          .selectFrom('staff')
          .select('left_on')
          .where('id', '=', staffId)
          .executeTakeFirstOrThrow();
        assert.equal(left.left_on, null);
      } finally {
        await t.drop();
      }
    });
  });
}
