import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { updateStaff } from '../../people/api.ts';
import { Browser, createTestApp, personaFor } from '../../testing/test-app.ts';
import { dialectsUnderTest } from '../../testing/test-db.ts';
import { recordAudit, systemActor } from './audit.ts';

for (const dialect of dialectsUnderTest()) {
  test(`viewing a person's record writes one audit row naming who, what and from where [${dialect}]`, async () => {
    const t = await createTestApp(dialect);
    try {
      const b = new Browser(t.app);
      await b.signIn(personaFor('psw').email);
      const target = await t.db
        .selectFrom('staff')
        .select(['id', 'name'])
        .where('email', '=', personaFor('practitioner').email)
        .executeTakeFirstOrThrow();
      const before = await t.db.selectFrom('audit_log').select('id').where('action', '=', 'view').execute();
      const res = await b.get(`/staff/${target.id}`);
      assert.equal(res.statusCode, 200);
      const rows = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'view').execute();
      assert.equal(rows.length, before.length + 1);
      const row = rows.find((r) => r.record_id === target.id)!;
      assert.equal(row.actor_name, personaFor('psw').name);
      assert.equal(row.record_type, 'staff');
      assert.equal(row.outcome, 'allowed');
      assert.ok(row.ip);
    } finally {
      await t.drop();
    }
  });

  test(`a refused view is audited as denied [${dialect}]`, async () => {
    const t = await createTestApp(dialect);
    try {
      const b = new Browser(t.app);
      await b.signIn(personaFor('practitioner').email);
      const other = await t.db
        .selectFrom('staff')
        .select('id')
        .where('email', '=', personaFor('complaints-officer').email)
        .executeTakeFirstOrThrow();
      const res = await b.get(`/staff/${other.id}`);
      assert.equal(res.statusCode, 403);
      const rows = await t.db.selectFrom('audit_log').selectAll().where('record_id', '=', other.id).execute();
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.outcome, 'denied');
      assert.equal(rows[0]!.actor_name, personaFor('practitioner').name);
    } finally {
      await t.drop();
    }
  });

  test(`a change and its audit row commit together: if the audit row cannot be written, the change is undone [${dialect}]`, async () => {
    const t = await createTestApp(dialect);
    try {
      const target = await t.db
        .selectFrom('staff')
        .select(['id', 'is_agency'])
        .where('email', '=', personaFor('practitioner').email)
        .executeTakeFirstOrThrow();
      // Make every audit insert fail, as a full disk or a broken constraint would.
      if (dialect === 'postgres') {
        await sql`create function audit_refuse() returns trigger language plpgsql as $$ begin raise exception 'audit refused'; end $$`.execute(
          t.db,
        );
        await sql`create trigger audit_refuse before insert on audit_log for each row execute function audit_refuse()`.execute(
          t.db,
        );
      } else {
        await sql`create trigger audit_refuse before insert on audit_log begin select raise(abort, 'audit refused'); end`.execute(
          t.db,
        );
      }
      await assert.rejects(
        updateStaff(t.db, t.clock, systemActor(), target.id, {
          teamId: null,
          roles: ['practitioner'],
          isAgency: true,
          leftOn: null,
        }),
        /audit refused/,
      );
      const after = await t.db
        .selectFrom('staff')
        .select(['is_agency', 'team_id'])
        .where('id', '=', target.id)
        .executeTakeFirstOrThrow();
      assert.equal(after.is_agency, target.is_agency);
      assert.notEqual(after.team_id, null);
    } finally {
      await t.drop();
    }
  });

  test(`the audit log cannot be edited or deleted, even directly in the database [${dialect}]`, async () => {
    const t = await createTestApp(dialect);
    try {
      await recordAudit(t.db, t.clock, systemActor(), {
        action: 'update',
        recordType: 'staff',
        summary: 'x',
      });
      await assert.rejects(
        t.db.updateTable('audit_log').set({ summary: 'rewritten' }).execute(),
        /append-only/,
      );
      await assert.rejects(t.db.deleteFrom('audit_log').execute(), /append-only/);
    } finally {
      await t.drop();
    }
  });

  test(`admins search the audit log by person, record and date, and export it as CSV [${dialect}]`, async () => {
    const t = await createTestApp(dialect);
    try {
      const b = new Browser(t.app);
      await b.signIn(personaFor('system-admin').email);
      const target = await t.db
        .selectFrom('staff')
        .select('id')
        .where('email', '=', personaFor('practitioner').email)
        .executeTakeFirstOrThrow();
      await b.get(`/staff/${target.id}`);
      const page = await b.get(
        `/admin/audit?person=chris&recordId=${target.id}&from=2026-11-27&to=2026-11-27`,
      );
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /1 entry found/);
      const none = await b.get(`/admin/audit?person=chris&recordId=${target.id}&from=2026-11-28`);
      assert.match(none.body, /No entries match/);
      const csv = await b.get(`/admin/audit.csv?recordId=${target.id}`);
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-disposition']), /attachment/);
      assert.ok(csv.body.startsWith('\uFEFF'), 'a byte order mark, so Excel reads UTF-8');
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      assert.equal(
        lines[0],
        'at,person,person_id,action,record_type,record_id,summary,outcome,ip,user_agent',
      );
      assert.equal(lines.length, 2);
      const exports = await t.db
        .selectFrom('audit_log')
        .select('summary')
        .where('action', '=', 'export')
        .execute();
      assert.equal(exports.length, 1, 'the export is itself audited');
    } finally {
      await t.drop();
    }
  });
}
