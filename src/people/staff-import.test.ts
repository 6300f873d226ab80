import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { systemActor } from '../platform/audit/audit.ts';
import { forEachDialect } from '../testing/test-db.ts';
import { parseStaffCsv, staffTemplateCsv } from './staff-import.parse.ts';
import { importStaff } from './staff-import.service.ts';

const HEADER = 'staff_number,name,email,job_title,team,roles,agency,left_on';

async function withTeams(t: Parameters<Parameters<typeof forEachDialect>[1]>[0]) {
  const at = t.clock.now().toISOString();
  await t.db.insertInto('services').values({ id: 's1', name: 'Front Door', created_at: at }).execute();
  await t.db
    .insertInto('teams')
    .values({ id: 't1', service_id: 's1', name: 'Assessment Team 1', created_at: at })
    .execute();
}

/** Reads a real file from disk, as the CLI and the upload do. */
function fileWith(lines: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'staff-csv-'));
  const file = path.join(dir, 'staff.csv');
  writeFileSync(file, `\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`);
  return readFileSync(file, 'utf8');
}

const counts = async (t: Parameters<Parameters<typeof forEachDialect>[1]>[0]) => ({
  staff: (await t.db.selectFrom('staff').select('id').execute()).length,
  roles: (await t.db.selectFrom('staff_roles').select('staff_id').execute()).length,
  audit: (await t.db.selectFrom('audit_log').select('id').execute()).length,
});

forEachDialect(
  'a file with one bad row is refused whole, with row numbers, and writes nothing',
  async (t) => {
    await withTeams(t);
    const before = await counts(t);
    const csv = fileWith([
      'S1,Alex One,alex.one@example.org,Social Worker,Assessment Team 1,practitioner,no,',
      'S2,Bea Two,not-an-email,Social Worker,Assessment Team 1,practitioner,no,',
      'S3,Cal Three,cal@example.org,Social Worker,No Such Team,practitioner,maybe,2026-02-30',
      'S1,Dee Four,dee@example.org,Social Worker,Assessment Team 1,wizard,no,',
    ]);
    const result = await importStaff(t.db, t.clock, systemActor(), csv);
    assert.equal(result.ok, false);
    const messages = !result.ok ? result.errors.map((e) => `${e.row}: ${e.message}`) : [];
    assert.deepEqual(messages, [
      '3: email is not a valid email address',
      '4: agency must be yes or no',
      '4: left_on must be a date written YYYY-MM-DD, or empty',
      '5: role "wizard" is not one of: practitioner, team-manager, service-manager, psw, ld-admin, complaints-officer, system-admin',
      '5: staff_number S1 is also on row 2',
    ]);
    assert.deepEqual(await counts(t), before);
  },
);

forEachDialect('an unknown team is caught against the database, and nothing is written', async (t) => {
  await withTeams(t);
  const result = await importStaff(
    t.db,
    t.clock,
    systemActor(),
    fileWith([
      'S1,Alex One,alex.one@example.org,Social Worker,Assessment Team 1,practitioner,no,',
      'S3,Cal Three,cal@example.org,Social Worker,No Such Team,practitioner,no,',
    ]),
  );
  assert.deepEqual(result, {
    ok: false,
    errors: [{ row: 3, message: 'team "No Such Team" does not exist; add it first or check the spelling' }],
  });
  assert.equal((await counts(t)).staff, 0);
});

forEachDialect(
  'importing adds people; importing the same file again changes nothing; a changed row updates one person',
  async (t) => {
    await withTeams(t);
    const rows = [
      'S1,Alex One,Alex.One@example.org,Social Worker,Assessment Team 1,practitioner,no,',
      'S2,Bea Two,bea@example.org,Team Manager,Assessment Team 1,Team manager;practitioner,yes,',
      'S3,Cal Three,cal@example.org,Social Worker,,practitioner,no,2026-10-31',
    ];
    assert.deepEqual(await importStaff(t.db, t.clock, systemActor(), fileWith(rows)), {
      ok: true,
      created: 3,
      updated: 0,
      unchanged: 0,
    });
    const snapshot = await t.db.selectFrom('staff').selectAll().orderBy('staff_number').execute();
    assert.equal(snapshot[0]!.email, 'alex.one@example.org');
    assert.equal(snapshot[1]!.is_agency, 1);
    assert.equal(snapshot[2]!.active, 0, 'a leaver is kept, inactive');
    const roles = await t.db
      .selectFrom('staff_roles')
      .select('role')
      .where('staff_id', '=', snapshot[1]!.id)
      .orderBy('role')
      .execute();
    assert.deepEqual(
      roles.map((r) => r.role),
      ['practitioner', 'team-manager'],
    );

    t.clock.advanceMs(60_000);
    assert.deepEqual(await importStaff(t.db, t.clock, systemActor(), fileWith(rows)), {
      ok: true,
      created: 0,
      updated: 0,
      unchanged: 3,
    });
    assert.deepEqual(await t.db.selectFrom('staff').selectAll().orderBy('staff_number').execute(), snapshot);

    const changed = [...rows];
    changed[0] = 'S1,Alex One,alex.one@example.org,Advanced Practitioner,Assessment Team 1,practitioner,no,';
    assert.deepEqual(await importStaff(t.db, t.clock, systemActor(), fileWith(changed)), {
      ok: true,
      created: 0,
      updated: 1,
      unchanged: 2,
    });
    const alex = await t.db
      .selectFrom('staff')
      .select('job_title')
      .where('staff_number', '=', 'S1')
      .executeTakeFirstOrThrow();
    assert.equal(alex.job_title, 'Advanced Practitioner');
  },
);

forEachDialect('an email that belongs to someone else is refused', async (t) => {
  await withTeams(t);
  await importStaff(
    t.db,
    t.clock,
    systemActor(),
    fileWith(['S1,Alex One,alex@example.org,SW,Assessment Team 1,practitioner,no,']),
  );
  const r = await importStaff(
    t.db,
    t.clock,
    systemActor(),
    fileWith(['S9,Imposter,alex@example.org,SW,Assessment Team 1,system-admin,no,']),
  );
  assert.deepEqual(r, {
    ok: false,
    errors: [{ row: 2, message: 'email alex@example.org already belongs to staff number S1' }],
  });
});

test('the downloadable template is itself a valid file apart from its made-up team', () => {
  const { rows, errors } = parseStaffCsv(staffTemplateCsv());
  assert.deepEqual(errors, []);
  assert.equal(rows.length, 2);
});

test('a file with the wrong columns, or none, is refused with a file-level message', () => {
  assert.deepEqual(
    parseStaffCsv('name,email\nA,a@b.org').errors.map((e) => e.message),
    ['The header row is missing: staff_number, job_title, team, roles, agency, left_on.'],
  );
  assert.deepEqual(
    parseStaffCsv('').errors.map((e) => e.message),
    ['The file is empty.'],
  );
  assert.equal(parseStaffCsv(`${HEADER}\n"unclosed`).errors[0]!.row, null);
});
