import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { childToLink } from '../performance/api.ts';
import type { Role } from '../platform/policy/roles.ts';
import { Browser, createTestApp, personaFor, type TestApp } from '../testing/test-app.ts';
import { dialectsUnderTest } from '../testing/test-db.ts';
import { ACTION_PAGES } from './complaint-page.presenter.ts';

// Issue 11, item 19: a complaint's child is chosen from the children's records (linked by id, within the
// person's scope), with "not in our records" kept; the complaint page is a summary, each action on its own page.

const register = (b: Browser, teamId: string, _csrf: string, child: Record<string, string>) =>
  b.post('/complaints/new', {
    _csrf,
    receivedOn: '2026-11-20',
    receivedHow: 'letter',
    complainantName: 'Mr J. Example',
    complainantRelationship: 'father',
    advocateOffered: 'no',
    teamId,
    summary: 'A visit was cancelled without notice',
    element1: 'The visit was cancelled',
    theme1: 'communication',
    ...child,
  });

const principal = async (t: TestApp, role: Role) => {
  const p = personaFor(role);
  const s = await t.db
    .selectFrom('staff')
    .innerJoin('teams', 'teams.id', 'staff.team_id')
    .select(['staff.id', 'staff.team_id', 'teams.service_id'])
    .where('email', '=', p.email)
    .executeTakeFirstOrThrow();
  return {
    id: s.id,
    name: p.name,
    email: p.email,
    roles: p.roles,
    teamId: s.team_id,
    serviceId: s.service_id,
  };
};

for (const dialect of dialectsUnderTest()) {
  describe(`a complaint's child and its pages [${dialect}]`, () => {
    test('the child is linked from the records, a reference outside the records is refused, "not known" stays', async () => {
      const t = await createTestApp(dialect);
      try {
        const b = new Browser(t.app);
        await b.signIn(personaFor('complaints-officer').email);
        const team = await t.db
          .selectFrom('teams')
          .select('id')
          .where('name', '=', 'Assessment Team 1')
          .executeTakeFirstOrThrow();
        const child = await t.db
          .selectFrom('children')
          .select(['id', 'local_id', 'name'])
          .where('team_id', '=', team.id)
          .orderBy('local_id')
          .executeTakeFirstOrThrow();
        const csrf = await b.csrfFrom('/complaints/new');
        const count = async () => (await t.db.selectFrom('complaints').select('id').execute()).length;
        const before = await count();

        // In the records but no reference; a reference nobody has: refused, the answers kept, nothing written.
        await register(b, team.id, csrf, { childInRecords: 'yes', childRef: '' });
        assert.match((await b.get('/complaints/new')).body, /Enter the child’s case reference/);
        await register(b, team.id, csrf, { childInRecords: 'yes', childRef: 'C999999' });
        const refused = (await b.get('/complaints/new')).body;
        assert.match(
          refused,
          /No child with the case reference C999999 is in the records you can choose from/,
        );
        assert.match(refused, /href="#childRef"/);
        assert.match(refused, /value="C999999"/);
        await register(b, team.id, csrf, {});
        assert.match(
          (await b.get('/complaints/new')).body,
          /Say whether the child is in the children’s records/,
        );
        assert.equal(await count(), before);

        // Linked by id: the record's name and reference are copied (typed in lower case, found all the same).
        const made = await register(b, team.id, csrf, {
          childInRecords: 'yes',
          childRef: child.local_id.toLowerCase(),
          childName: 'ignored when the child is in the records',
        });
        const url = String(made.headers.location);
        const row = await t.db
          .selectFrom('complaints')
          .select(['child_id', 'child_name', 'child_ref'])
          .where('id', '=', url.split('/').pop()!)
          .executeTakeFirstOrThrow();
        assert.deepEqual(row, { child_id: child.id, child_name: child.name, child_ref: child.local_id });
        assert.match(
          (await b.get(url)).body,
          new RegExp(`${child.name}, ${child.local_id} \\(in the children’s records\\)`),
        );

        // Not in the records, name not known: no link.
        const unknown = await register(b, team.id, csrf, { childInRecords: 'no', childName: '' });
        const unknownUrl = String(unknown.headers.location);
        const u = await t.db
          .selectFrom('complaints')
          .select(['child_id', 'child_name'])
          .where('id', '=', unknownUrl.split('/').pop()!)
          .executeTakeFirstOrThrow();
        assert.deepEqual(u, { child_id: null, child_name: '' });
        assert.match((await b.get(unknownUrl)).body, /Name not known \(not in the children’s records\)/);
      } finally {
        await t.drop();
      }
    });

    test('a person may pick only the children they may see', async () => {
      const t = await createTestApp(dialect);
      try {
        const practitioner = await principal(t, 'practitioner');
        const manager = await principal(t, 'team-manager');
        const officer = await principal(t, 'complaints-officer');
        const own = await t.db
          .selectFrom('children')
          .select('local_id')
          .where('worker_id', '=', practitioner.id)
          .executeTakeFirstOrThrow();
        const elsewhere = await t.db
          .selectFrom('children')
          .innerJoin('teams', 'teams.id', 'children.team_id')
          .select('local_id')
          .where('teams.name', '=', 'Leaving Care Team')
          .executeTakeFirstOrThrow();
        assert.ok(await childToLink(t.db, practitioner, own.local_id), 'their own child');
        assert.equal(await childToLink(t.db, practitioner, elsewhere.local_id), undefined);
        assert.ok(await childToLink(t.db, manager, own.local_id), 'a child of their team');
        assert.equal(await childToLink(t.db, manager, elsewhere.local_id), undefined);
        assert.ok(await childToLink(t.db, officer, elsewhere.local_id), 'the complaints officer: any child');
        const admin = await principal(t, 'system-admin');
        assert.equal(await childToLink(t.db, admin, own.local_id), undefined, 'no grant, no child');
      } finally {
        await t.drop();
      }
    });

    test('the complaint page is a summary with a task list; each action has its own page, audited', async () => {
      const t = await createTestApp(dialect);
      try {
        const b = new Browser(t.app);
        await b.signIn(personaFor('complaints-officer').email);
        const team = await t.db
          .selectFrom('teams')
          .select('id')
          .where('name', '=', 'Front Door')
          .executeTakeFirstOrThrow();
        const made = await register(b, team.id, await b.csrfFrom('/complaints/new'), {
          childInRecords: 'no',
        });
        const url = String(made.headers.location);
        const c = await t.db
          .selectFrom('complaints')
          .select(['id', 'reference'])
          .where('id', '=', url.split('/').pop()!)
          .executeTakeFirstOrThrow();
        const summary = (await b.get(url)).body;
        const main = summary.slice(summary.indexOf('<main'), summary.indexOf('</main>'));
        // No form on the summary: it links to the pages that have them.
        assert.doesNotMatch(main, /<form/);
        assert.match(main, /govuk-task-list/);
        assert.match(main, /govuk-summary-card/);
        for (const a of ['finding', 'respond', 'element', 'withdraw'])
          assert.match(main, new RegExp(`href="${url}/${a}"`), a);
        assert.match(main, new RegExp(`href="${url}/investigation"`));
        assert.match(main, new RegExp(`href="${url}/contacts"`));
        assert.match(main, new RegExp(`href="${url}/documents"`));
        // An action that does not apply now (a panel at Stage 1) is not offered, and its page says so.
        assert.doesNotMatch(main, new RegExp(`href="${url}/panel"`));
        const panel = await b.get(`${url}/panel`);
        assert.equal(panel.statusCode, 200);
        assert.match(panel.body, /This cannot be done now/);
        assert.doesNotMatch(panel.body, /<form method="post" action="[^"]*\/panel"/);

        // Each action's page carries its one form, posting to its own address.
        const viewsBefore = (
          await t.db
            .selectFrom('audit_log')
            .select('id')
            .where('record_type', '=', 'complaint')
            .where('record_id', '=', c.id)
            .where('action', '=', 'view')
            .execute()
        ).length;
        // Every page the summary links to (the stage actions offered now, the investigation, contacts).
        const offered = [...main.matchAll(new RegExp(`href="${url}/([a-z]+)"`, 'g'))]
          .map((m) => m[1]!)
          .filter((a) => a !== 'documents');
        assert.ok(offered.length >= 7, offered.join());
        for (const a of offered) {
          const res = await b.get(`${url}/${a}`);
          assert.equal(res.statusCode, 200, a);
          const forms = res.body.match(/<form method="post" action="\/complaints\/[^"]+"/g) ?? [];
          assert.deepEqual(forms, [`<form method="post" action="${url}/${a}"`], a);
          assert.match(res.body, new RegExp(`Complaint ${c.reference}`));
        }
        const documents = (await b.get(`${url}/documents`)).body;
        assert.match(documents, new RegExp(`action="${url}/documents\\?_csrf=`));
        const viewsAfter = (
          await t.db
            .selectFrom('audit_log')
            .select('id')
            .where('record_type', '=', 'complaint')
            .where('record_id', '=', c.id)
            .where('action', '=', 'view')
            .execute()
        ).length;
        assert.equal(
          viewsAfter - viewsBefore,
          offered.length + 1,
          'every action page shows the complaint: each view is audited',
        );

        // Accepted: back to the summary with the message.
        const csrf = await b.csrfFrom(`${url}/element`);
        const added = await b.post(`${url}/element`, {
          _csrf: csrf,
          on: '2026-11-27',
          summary: 'Nobody returned the call',
          theme: 'communication',
        });
        assert.equal(added.headers.location, url);
        const after = (await b.get(url)).body;
        assert.match(after, /The element has been added\./);
        assert.match(after, /Nobody returned the call/);

        // The PSW may read the summary, but has no action pages.
        const psw = new Browser(t.app);
        await psw.signIn(personaFor('psw').email);
        assert.doesNotMatch((await psw.get(url)).body, /govuk-task-list/);
        for (const a of Object.keys(ACTION_PAGES))
          assert.equal((await psw.get(`${url}/${a}`)).statusCode, 403, a);
      } finally {
        await t.drop();
      }
    });
  });
}
