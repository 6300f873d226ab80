import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Browser, createTestApp, personaFor, type TestApp } from '../testing/test-app.ts';
import { dialectsUnderTest } from '../testing/test-db.ts';

const staffOf = (t: TestApp, email: string) =>
  t.db.selectFrom('staff').select(['id', 'team_id']).where('email', '=', email).executeTakeFirstOrThrow();
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const links = (html: string) =>
  [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

for (const dialect of dialectsUnderTest()) {
  describe(`children's pages are scoped by the policy and audited [${dialect}]`, () => {
    test('a practitioner sees only their own children, in a sentence about children, and cannot open another team’s child', async () => {
      const t = await createTestApp(dialect);
      try {
        const amina = personaFor('practitioner');
        const me = await staffOf(t, amina.email);
        const mine = await t.db
          .selectFrom('children')
          .select(['id', 'name'])
          .where('worker_id', '=', me.id)
          .execute();
        assert.equal(mine.length, 18, 'the demo gives the practitioner persona 18 children');
        const b = new Browser(t.app);
        await b.signIn(amina.email);
        const home = text((await b.get('/')).body);
        assert.match(home, /Your children this week/);
        assert.match(home, /You have seen \d+ of your \d+ children within their visiting timescale/);
        assert.doesNotMatch(
          home,
          new RegExp(mine.map((c) => c.name).join('|')),
          'no child is named on the home page',
        );
        const page = await b.get('/performance/my-children');
        assert.equal(page.statusCode, 200);
        assert.match(
          text(page.body),
          /You have seen \d+ of your \d+ children within their visiting timescale\./,
        );
        const shown = links(page.body)
          .filter((h) => h.startsWith('/children/'))
          .map((h) => h.split('?')[0]!.slice(10));
        assert.deepEqual(new Set(shown), new Set(mine.map((c) => c.id)));

        const other = await t.db
          .selectFrom('children')
          .select('id')
          .where('team_id', '!=', me.team_id)
          .executeTakeFirstOrThrow();
        const refused = await b.get(`/children/${other.id}`);
        assert.equal(refused.statusCode, 403);
        const denied = await t.db
          .selectFrom('audit_log')
          .select(['actor_id', 'outcome', 'record_type'])
          .where('record_id', '=', other.id)
          .execute();
        assert.deepEqual(denied, [{ actor_id: me.id, outcome: 'denied', record_type: 'child' }]);

        const own = await b.get(`/children/${mine[0]!.id}`);
        assert.equal(own.statusCode, 200);
        const viewed = await t.db
          .selectFrom('audit_log')
          .select('outcome')
          .where('record_id', '=', mine[0]!.id)
          .execute();
        assert.deepEqual(viewed, [{ outcome: 'allowed' }]);
        // A team page is for managers.
        assert.equal((await b.get(`/performance/teams/${me.team_id}`)).statusCode, 403);
      } finally {
        await t.drop();
      }
    });

    test('a team manager goes from a number to the children behind it, all in their team; another service’s team is refused', async () => {
      const t = await createTestApp(dialect);
      try {
        const dan = personaFor('team-manager');
        const me = await staffOf(t, dan.email);
        const b = new Browser(t.app);
        await b.signIn(dan.email);
        const team = await b.get(`/performance/teams/${me.team_id}`);
        assert.equal(team.statusCode, 200);
        const numberLinks = links(team.body).filter((h) => h.startsWith('/performance/children?'));
        assert.ok(numberLinks.length > 10, 'every number links to its children');
        const late = numberLinks.find(
          (h) => h.includes('status=overdue') && !h.includes('rule=') && !h.includes('worker='),
        )!;
        const list = await b.get(late);
        assert.equal(list.statusCode, 200);
        const childIds = links(list.body)
          .filter((h) => h.startsWith('/children/'))
          .map((h) => h.split('?')[0]!.slice(10));
        assert.ok(childIds.length > 0);
        const teams = await t.db
          .selectFrom('children')
          .select('team_id')
          .where('id', 'in', childIds)
          .execute();
        assert.ok(teams.every((c) => c.team_id === me.team_id));
        const audits = await t.db
          .selectFrom('audit_log')
          .select('summary')
          .where('record_type', '=', 'children')
          .execute();
        assert.ok(
          audits.some((a) => a.summary.includes('status=overdue')),
          'the list of children is audited',
        );

        const elsewhere = await t.db
          .selectFrom('teams')
          .select('id')
          .where('name', '=', 'Children in Care Team')
          .executeTakeFirstOrThrow();
        assert.equal((await b.get(`/performance/teams/${elsewhere.id}`)).statusCode, 403);
        assert.equal((await b.get(`/performance/children?team=${elsewhere.id}`)).statusCode, 403);
      } finally {
        await t.drop();
      }
    });

    test('downloads are audited as exports and neutralise cells a spreadsheet would run', async () => {
      const t = await createTestApp(dialect);
      try {
        const amina = personaFor('practitioner');
        const me = await staffOf(t, amina.email);
        const child = await t.db
          .selectFrom('children')
          .select('id')
          .where('worker_id', '=', me.id)
          .executeTakeFirstOrThrow();
        await t.db
          .updateTable('children')
          .set({ name: '=HYPERLINK("http://evil.example")' })
          .where('id', '=', child.id)
          .execute();
        const b = new Browser(t.app);
        await b.signIn(amina.email);
        const csv = await b.get('/performance/my-children/download.csv');
        assert.equal(csv.statusCode, 200);
        assert.match(
          String(csv.headers['content-disposition']),
          /attachment; filename="my-children-\d{4}-\d{2}-\d{2}\.csv"/,
        );
        assert.match(csv.body, /'=HYPERLINK/);
        const xlsx = await b.get('/performance/my-children/download.xlsx');
        assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
        const exports = await t.db
          .selectFrom('audit_log')
          .select('action')
          .where('action', '=', 'export')
          .execute();
        assert.equal(exports.length, 2);
      } finally {
        await t.drop();
      }
    });
  });
}
