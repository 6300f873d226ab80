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
const staff = async (t: TestApp, email: string) =>
  await t.db
    .selectFrom('staff')
    .select(['id', 'team_id'])
    .where('email', '=', email)
    .executeTakeFirstOrThrow();

for (const dialect of dialectsUnderTest()) {
  describe(`case audits [${dialect}]`, () => {
    test('a manager audits a child’s case; bad audits refused; the worker sees and responds; views are audited and scoped like the child; moderation by a second auditor; a finding becomes a lesson', async () => {
      const t = await createTestApp(dialect);
      try {
        const daniel = personaFor('team-manager');
        const me = await staff(t, daniel.email);
        // A child of Daniel's team with an allocated worker.
        const child = await t.db
          .selectFrom('children')
          .innerJoin('staff', 'staff.id', 'children.worker_id')
          .select(['children.id', 'children.worker_id', 'staff.email'])
          .where('children.team_id', '=', me.team_id)
          .executeTakeFirstOrThrow();
        const checklist = await t.db.selectFrom('standards').select('id').where('in_audit', '=', 1).execute();
        assert.ok(checklist.length >= 10);
        const b = new Browser(t.app);
        await b.signIn(daniel.email);
        const formPage = await b.get(`/audits/new?child=${child.id}`);
        assert.equal(formPage.statusCode, 200);
        const viewed = await t.db
          .selectFrom('audit_log')
          .select(['record_type', 'record_id'])
          .where('actor_id', '=', me.id)
          .where('action', '=', 'view')
          .execute();
        assert.ok(
          viewed.some((v) => v.record_type === 'child' && v.record_id === child.id),
          'opening the form on a child is an audited view',
        );

        const answers = Object.fromEntries(
          checklist.flatMap((s, i) => [
            [`answer-${s.id}`, i === 0 ? 'not-met' : 'met'],
            [`evidence-${s.id}`, i === 0 ? 'Not seen alone at the last two visits' : ''],
          ]),
        );
        const full = {
          childId: child.id,
          grade: 'requires-improvement',
          doneWell: 'Warm relationship',
          mustChange: 'See the child alone',
          ...answers,
        };
        const before = (await t.db.selectFrom('case_audits').select('id').execute()).length;
        for (const [change, message] of [
          [{ grade: '' }, /Choose the overall grade/],
          [
            { [`evidence-${checklist[0]!.id}`]: '' },
            /Write the evidence for .*: an answer of not met needs it/,
          ],
          [{ [`answer-${checklist[1]!.id}`]: '' }, /Choose met, partly met, not met or not applicable/],
        ] as const) {
          const _csrf = await b.csrfFrom(`/audits/new?child=${child.id}`);
          const r = await b.post('/audits/new', { _csrf, ...full, ...change });
          assert.equal(r.headers.location, `/audits/new?child=${child.id}`);
          assert.match(text((await b.get(`/audits/new?child=${child.id}`)).body), message);
        }
        assert.equal(
          (await t.db.selectFrom('case_audits').select('id').execute()).length,
          before,
          'nothing saved',
        );

        const _csrf = await b.csrfFrom(`/audits/new?child=${child.id}`);
        const saved = await b.post('/audits/new', { _csrf, ...full });
        assert.equal(saved.statusCode, 303);
        const url = saved.headers.location as string;
        const id = url.split('/').pop()!;
        assert.match(
          text((await b.get(url)).body),
          /Requires improvement to be good .*Not met .*Not seen alone at the last two visits/,
        );
        const rows = await t.db
          .selectFrom('audit_log')
          .select(['action', 'record_type'])
          .where('record_id', '=', id)
          .execute();
        assert.ok(
          rows.some((r) => r.action === 'view' && r.record_type === 'case-audit'),
          'viewing the audit is audited',
        );
        assert.ok(
          rows.some((r) => r.action === 'create'),
          'saving it is audited',
        );

        // Moderating your own audit: refused, nothing changed.
        const c1 = await b.csrfFrom(url);
        await b.post(`${url}/moderate`, { _csrf: c1, grade: 'good', reason: 'Mine' });
        assert.doesNotMatch(text((await b.get(url)).body), /Moderation/);
        assert.equal(
          (
            await t.db
              .selectFrom('case_audits')
              .select('moderator_id')
              .where('id', '=', id)
              .executeTakeFirstOrThrow()
          ).moderator_id,
          null,
        );

        // The audited worker sees it and responds; a practitioner elsewhere cannot see it.
        const worker = new Browser(t.app);
        await worker.signIn(child.email);
        assert.equal((await worker.get(url)).statusCode, 200);
        const c2 = await worker.csrfFrom(url);
        await worker.post(`${url}/respond`, { _csrf: c2, response: 'I agree and have booked a visit' });
        assert.match(text((await worker.get(url)).body), /I agree and have booked a visit/);
        const other = await t.db
          .selectFrom('staff')
          .innerJoin('staff_roles', 'staff_roles.staff_id', 'staff.id')
          .select('staff.email')
          .where('staff_roles.role', '=', 'practitioner')
          .where('staff.team_id', '!=', me.team_id!)
          .where('staff.id', '!=', child.worker_id!)
          .executeTakeFirstOrThrow();
        const stranger = new Browser(t.app);
        await stranger.signIn(other.email);
        assert.equal((await stranger.get(url)).statusCode, 403);
        assert.doesNotMatch(text((await stranger.get('/audits')).body), new RegExp(id));

        // The PSW moderates (changes the grade with a reason) and turns the finding into a lesson.
        const helen = new Browser(t.app);
        await helen.signIn(personaFor('psw').email);
        const c3 = await helen.csrfFrom(url);
        await helen.post(`${url}/moderate`, { _csrf: c3, grade: 'inadequate', reason: '' });
        assert.match(text((await helen.get(url)).body), /Enter the reason for your moderation/);
        const c4 = await helen.csrfFrom(url);
        await helen.post(`${url}/moderate`, {
          _csrf: c4,
          grade: 'inadequate',
          reason: 'Risk not reassessed',
        });
        assert.match(
          text((await helen.get(url)).body),
          /Changed to Inadequate by Helen Marsh: Risk not reassessed/,
        );
        const c5 = await helen.csrfFrom(url);
        const lesson = await helen.post(`${url}/lesson`, {
          _csrf: c5,
          title: 'See children alone',
          detail: 'Record when the child is seen alone',
        });
        assert.match(lesson.headers.location as string, /^\/lessons\/items\//);
        const item = await t.db
          .selectFrom('lesson_items')
          .innerJoin('lesson_sources', 'lesson_sources.id', 'lesson_items.source_id')
          .select(['lesson_items.title', 'lesson_sources.kind'])
          .where('lesson_items.id', '=', (lesson.headers.location as string).split('/').pop()!)
          .executeTakeFirstOrThrow();
        assert.deepEqual(item, { title: 'See children alone', kind: 'case-audit' });
        assert.match(text((await helen.get(url)).body), /lesson in the learning loop/);

        const themes = await helen.get('/audits/themes');
        assert.equal(themes.statusCode, 200);
        assert.match(text(themes.body), /From \d+ case audits/);
        assert.match(themes.body, /<svg[^>]+role="img"/);
      } finally {
        await t.drop();
      }
    });
  });
}
