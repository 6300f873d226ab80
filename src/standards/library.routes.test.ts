import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Browser, createTestApp, personaFor, type TestApp } from '../testing/test-app.ts';
import { dialectsUnderTest } from '../testing/test-db.ts';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/&ldquo;/g, '“')
    .replace(/&rdquo;/g, '”')
    .replace(/\s+/g, ' ');

const standardId = async (t: TestApp, title: string) =>
  (
    await t.db
      .selectFrom('standards')
      .innerJoin('standard_versions as v', (j) =>
        j.onRef('v.standard_id', '=', 'standards.id').onRef('v.version', '=', 'standards.current_version'),
      )
      .select('standards.id')
      .where('v.title', 'like', `${title}%`)
      .executeTakeFirstOrThrow()
  ).id;

/** Everything a change to a standard writes, so a refused one can be shown to have written nothing. */
const snapshot = async (t: TestApp) => ({
  standards: await t.db.selectFrom('standards').selectAll().orderBy('id').execute(),
  versions: (await t.db.selectFrom('standard_versions').select('id').execute()).length,
  audits: (
    await t.db.selectFrom('audit_log').select('id').where('record_type', '=', 'practice-standard').execute()
  ).length,
  settings: await t.db.selectFrom('performance_rule_settings').selectAll().execute(),
});

for (const dialect of dialectsUnderTest()) {
  describe(`practice standards library [${dialect}]`, () => {
    test('the library by area, must and should shown apart, full-text search, a print view and the past-review flag', async () => {
      const t = await createTestApp(dialect);
      try {
        const b = new Browser(t.app);
        await b.signIn(personaFor('practitioner').email);
        const lib = text((await b.get('/standards')).body);
        for (const area of [
          'Contact and referral',
          'Assessment',
          'Planning',
          'Visits',
          'Recording',
          'Supervision',
          'Meetings and minutes',
          'Transfer and closure',
        ])
          assert.match(lib, new RegExp(area));
        assert.match(lib, /Must Complete assessments within 45 working days/);
        assert.match(lib, /Should Send minutes to families/);
        // The transfer and closure standards were written 420 days ago for a year: past their review date.
        assert.match(lib, /2 standards are past the date/);

        // Search uses the database's own full-text index (stemming: "minute" finds "minutes").
        const found = text((await b.get('/standards?q=minute%20families')).body);
        assert.match(found, /1 standard matches “minute families”/);
        assert.match(found, /Send minutes to families within the agreed timescale/);
        assert.match(text((await b.get('/standards?q=leaver%20OR%20NEAR(x)')).body), /0 standards match/);
        assert.match(
          text((await b.get('/standards?q=worker%20left')).body),
          /Record every attempt to reach a worker who has left/,
        );

        const id = await standardId(t, 'Send minutes');
        const page = text((await b.get(`/standards/${id}`)).body);
        assert.match(page, /Timescale: 10 working days\. The Hub does not measure this timescale yet/);
        // What it says and when it is due agree: the amendment changed both.
        assert.match(page, /By when Within 10 working days of the meeting/);
        assert.match(page, /Version 2/);
        const print = await b.get(`/standards/${id}/print`);
        assert.equal(print.statusCode, 200);
        assert.match(text(print.body), /Printed on .* A printed copy goes out of date/);
        // The previous version is still readable, as it was.
        const v1 = text((await b.get(`/standards/${id}/versions/1`)).body);
        assert.match(v1, /This version has been replaced/);
        assert.match(v1, /within 15 working days of the meeting/);
        assert.equal((await b.get(`/standards/${id}/versions/9`)).statusCode, 404);

        const amendments = text((await b.get('/standards/amendments')).body);
        const order = [
          'Record every attempt',
          'Write up visits',
          'Visit children on a child protection plan',
          'Send minutes',
        ].map((s) => amendments.indexOf(s));
        assert.deepEqual(
          [...order].sort((a, c) => a - c),
          order,
          'newest first',
        );
        assert.match(amendments, /Major/);
        // A practitioner cannot change standards.
        assert.equal((await b.get(`/standards/${id}/change`)).statusCode, 403);
      } finally {
        await t.drop();
      }
    });

    test('the PSW adds a standard and changes it: a new version with its summary and reason, the old one kept, Markdown sanitised, audited', async () => {
      const t = await createTestApp(dialect);
      try {
        const b = new Browser(t.app);
        await b.signIn(personaFor('psw').email);
        const owner = personaFor('team-manager');
        const ownerId = (
          await t.db
            .selectFrom('staff')
            .select('id')
            .where('email', '=', owner.email)
            .executeTakeFirstOrThrow()
        ).id;
        const form = {
          area: 'recording',
          title: 'Chronologies kept up to date',
          level: 'should',
          body: 'Update the chronology **after every significant event**.<script>alert(1)</script>',
          byWhen: 'Within 5 working days',
          whyChild: 'The child’s history is in one place.',
          sourceKind: 'local',
          sourceDetail: '',
          ownerId,
          reviewOn: '2027-11-30',
          links: 'Guide | https://calderbrook.example/chronology',
          timescaleField: '',
          timescaleDays: '5',
        };
        const before = await snapshot(t);
        // Bad input: no title, no owner, a past review date, a timescale of zero or over a year.
        for (const [change, message] of [
          [{ title: '' }, /Enter the standard’s title/],
          [{ ownerId: '' }, /Choose the manager responsible/],
          [{ reviewOn: '2026-01-01' }, /The review date must be in the future/],
          [{ timescaleDays: '0' }, /at least 1 working day/],
          [{ timescaleDays: '400' }, /more than a year/],
        ] as const) {
          const _csrf = await b.csrfFrom('/standards/new');
          const r = await b.post('/standards/new', { _csrf, ...form, ...change });
          assert.equal(r.headers.location, '/standards/new');
          assert.match(text((await b.get('/standards/new')).body), message);
        }
        assert.deepEqual(await snapshot(t), before, 'nothing changed');

        const _csrf = await b.csrfFrom('/standards/new');
        const made = await b.post('/standards/new', { _csrf, ...form });
        assert.equal(made.statusCode, 303);
        const url = made.headers.location as string;
        const html = (await b.get(url)).body;
        assert.match(html, /<strong>after every significant event<\/strong>/);
        assert.doesNotMatch(html, /<script>alert/);
        assert.match(text((await b.get('/standards?q=chronology')).body), /Chronologies kept up to date/);

        const change = await b.get(`${url}/change`);
        assert.match(change.body, /name="fromVersion" value="1"/);
        const c2 = await b.csrfFrom(`${url}/change`);
        const noReason = await b.post(`${url}/change`, {
          _csrf: c2,
          ...form,
          summary: 'Shorter',
          reason: '',
          fromVersion: '1',
        });
        assert.equal(noReason.headers.location, `${url}/change`);
        assert.match(text((await b.get(`${url}/change`)).body), /Enter why it changed/);
        const c3 = await b.csrfFrom(`${url}/change`);
        const saved = await b.post(`${url}/change`, {
          _csrf: c3,
          ...form,
          title: 'Chronologies kept current',
          summary: 'Clearer title',
          reason: 'Feedback from the audit panel',
          major: 'yes',
          fromVersion: '1',
        });
        assert.equal(saved.headers.location, url);
        const page = text((await b.get(url)).body);
        assert.match(page, /Saved as version 2, a major change/);
        assert.match(
          text((await b.get(`${url}/versions/1`)).body),
          /Chronologies kept up to date: version 1/,
        );
        // A second save from the old page (version 1) is refused: someone else changed it.
        const stale = await b.post(`${url}/change`, {
          _csrf: c3,
          ...form,
          summary: 'x',
          reason: 'y',
          fromVersion: '1',
        });
        assert.equal(stale.headers.location, `${url}/change`);
        assert.match(
          text((await b.get(`${url}/change`)).body),
          /Someone else changed this standard \(it is now version 2\)/,
        );
        const id = url.split('/').pop()!;
        const row = await t.db
          .selectFrom('standards')
          .select(['current_version', 'ack_version'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        assert.deepEqual(row, { current_version: 2, ack_version: 2 });
        const audits = await t.db
          .selectFrom('audit_log')
          .select('summary')
          .where('record_id', '=', id)
          .orderBy('at')
          .execute();
        assert.equal(audits.length, 2);
        assert.match(
          audits[1]!.summary,
          /version 2 \(major\): Clearer title Reason: Feedback from the audit panel/,
        );
        assert.match(
          text((await b.get('/standards/amendments')).body),
          /Chronologies kept current Major Clearer title/,
        );
      } finally {
        await t.drop();
      }
    });

    test('a change can answer a lesson: the new version becomes that action’s evidence, and only an action the person may evidence is accepted', async () => {
      const t = await createTestApp(dialect);
      try {
        const id = await standardId(t, 'Send minutes to families');
        const url = `/standards/${id}`;
        const open = await t.db
          .selectFrom('lesson_actions')
          .innerJoin('lesson_items', 'lesson_items.id', 'lesson_actions.item_id')
          .select(['lesson_actions.id', 'lesson_items.title', 'lesson_actions.owner_id'])
          .where('evidence_on', 'is', null)
          .where('closed_on', 'is', null)
          .executeTakeFirstOrThrow();
        const current = await t.db
          .selectFrom('standards')
          .innerJoin('standard_versions as v', (j) =>
            j
              .onRef('v.standard_id', '=', 'standards.id')
              .onRef('v.version', '=', 'standards.current_version'),
          )
          .selectAll('v')
          .select([
            'standards.area',
            'standards.in_audit',
            'standards.timescale_field',
            'standards.current_version',
          ])
          .where('standards.id', '=', id)
          .executeTakeFirstOrThrow();
        const form = {
          area: current.area,
          title: current.title,
          level: current.level,
          body: current.body,
          byWhen: 'Within 10 working days of the meeting',
          whyChild: current.why_child,
          sourceKind: current.source_kind,
          sourceDetail: current.source_detail,
          ownerId: current.owner_id,
          reviewOn: '2027-11-30',
          links: '',
          timescaleField: current.timescale_field ?? '',
          timescaleDays: '10',
          summary: 'Minutes within 10 working days',
          reason: 'A complaint found minutes reaching a family weeks late',
          fromVersion: String(current.current_version),
        };

        // A service manager may change standards, but may add evidence only to their own actions.
        const sm = new Browser(t.app);
        await sm.signIn(personaFor('service-manager').email);
        const smId = (
          await t.db
            .selectFrom('staff')
            .select('id')
            .where('email', '=', personaFor('service-manager').email)
            .executeTakeFirstOrThrow()
        ).id;
        assert.notEqual(open.owner_id, smId, 'the action belongs to someone else');
        const before = await snapshot(t);
        const refused = await sm.post(`${url}/change`, {
          _csrf: await sm.csrfFrom(`${url}/change`),
          ...form,
          lessonActionId: open.id,
        });
        assert.equal(refused.headers.location, `${url}/change`);
        assert.match(
          text((await sm.get(`${url}/change`)).body),
          /Choose the lesson this change answers from the list/,
        );
        assert.deepEqual(await snapshot(t), before, 'nothing changed');

        // The PSW may evidence any action: the list offers it, and saving records the version as its evidence.
        const psw = new Browser(t.app);
        await psw.signIn(personaFor('psw').email);
        const changePage = text((await psw.get(`${url}/change`)).body);
        assert.match(changePage, /Does this change answer a lesson\? \(optional\)/);
        assert.ok(changePage.includes(open.title), 'the open lesson is offered');
        const saved = await psw.post(`${url}/change`, {
          _csrf: await psw.csrfFrom(`${url}/change`),
          ...form,
          lessonActionId: open.id,
        });
        assert.equal(saved.headers.location, url);
        const version = current.current_version + 1;
        const action = await t.db
          .selectFrom('lesson_actions')
          .select(['evidence_text', 'evidence_link', 'evidence_on'])
          .where('id', '=', open.id)
          .executeTakeFirstOrThrow();
        assert.equal(action.evidence_link, `${url}/versions/${version}`);
        assert.match(
          action.evidence_text ?? '',
          new RegExp(`changed \\(version ${version}\\): Minutes within 10 working days`),
        );
        assert.ok(action.evidence_on);
        assert.match(
          text((await psw.get(`${url}/versions/${version}`)).body),
          new RegExp(
            `This version answers the lesson “${open.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”`,
          ),
        );
        assert.match(text((await psw.get(url)).body), /It answers the lesson/);
      } finally {
        await t.drop();
      }
    });
  });
}
