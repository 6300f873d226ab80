import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { systemActor } from '../../platform/audit/audit.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { dialectsUnderTest } from '../../testing/test-db.ts';
import { kindSpec } from './kinds.ts';
import { importFile } from './run.ts';

const TODAY = '2026-11-27'; // the test clock's day
const dir = mkdtempSync(path.join(tmpdir(), 'children-import-'));
const fileOf = (name: string, text: string | Buffer) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return { path: p, name };
};
const actor = systemActor('test');

for (const dialect of dialectsUnderTest()) {
  describe(`importing children's records from CSV [${dialect}]`, () => {
    test('a good file goes in; the same file again changes nothing; a changed row is updated', async () => {
      const t = await createTestApp(dialect);
      try {
        const run = (kind: string, f: { path: string; name: string }) =>
          importFile(t.db, t.clock, actor, kindSpec(kind)!, f, TODAY);
        const children = fileOf(
          'children.csv',
          '\uFEFFchild_id,name,date_of_birth,gender,ethnicity,worker_staff_number,team\n' +
            'X1,Amara Test,2015-04-30,Female,Pakistani,D1000,\n' +
            'X2,Theo Test,,Male,White British,,Leaving Care Team\n',
        );
        assert.deepEqual(await run('children', children), {
          ok: true,
          rows: 2,
          added: 2,
          changed: 0,
          unchanged: 0,
        });
        const visits = fileOf(
          'visits.csv',
          'visit_id,child_id,date,kind,seen,seen_alone\nVX1,X1,2026-11-20,cp,yes,no\nVX2,X1,2026-11-24,cp,,yes\nVX3,X2,2026-11-02,lac,no,no\n',
        );
        assert.equal((await run('visits', visits)).ok, true);
        const snapshot = async () => ({
          children: await t.db
            .selectFrom('children')
            .selectAll()
            .where('local_id', 'in', ['X1', 'X2'])
            .orderBy('local_id')
            .execute(),
          visits: await t.db
            .selectFrom('child_visits')
            .selectAll()
            .where('local_id', 'like', 'VX%')
            .orderBy('local_id')
            .execute(),
        });
        const before = await snapshot();
        assert.equal(before.visits[1]!.seen, 1, 'an empty "seen" means the child was seen');
        assert.deepEqual(await run('visits', visits), {
          ok: true,
          rows: 3,
          added: 0,
          changed: 0,
          unchanged: 3,
        });
        assert.deepEqual(await run('children', children), {
          ok: true,
          rows: 2,
          added: 0,
          changed: 0,
          unchanged: 2,
        });
        assert.deepEqual(await snapshot(), before);

        const changed = fileOf(
          'visits2.csv',
          'visit_id,child_id,date,kind,seen,seen_alone\nVX3,X2,2026-11-02,lac,yes,no\n',
        );
        assert.deepEqual(await run('visits', changed), {
          ok: true,
          rows: 1,
          added: 0,
          changed: 1,
          unchanged: 0,
        });
        const imports = await t.db
          .selectFrom('audit_log')
          .select('summary')
          .where('action', '=', 'import')
          .execute();
        assert.equal(imports.length, 5);
      } finally {
        await t.drop();
      }
    });

    test('every bad row is reported by its row number and nothing is written', async () => {
      const t = await createTestApp(dialect);
      try {
        const count = async () => (await t.db.selectFrom('children').select('id').execute()).length;
        const before = await count();
        const bad = fileOf(
          'bad-children.csv',
          [
            'child_id,name,date_of_birth,gender,ethnicity,worker_staff_number,team',
            'Y1,Good Row,2015-01-01,,,,',
            'Y2,Bad Date,2015-02-30,,,,',
            'Y3,Future,2027-01-01,,,,',
            'Y4,Nobody,,,,NOPE,',
            'Y5,No Team,,,,,Atlantis',
            'Y1,Twice,,,,,',
            'Y7,"=HYPERLINK(""x"")",,,,,',
            `Y8,${'a'.repeat(600)},,,,,`,
          ].join('\n'),
        );
        const r = await importFile(t.db, t.clock, actor, kindSpec('children')!, bad, TODAY);
        assert.equal(r.ok, false);
        if (r.ok) return;
        assert.deepEqual(
          r.errors.map((e) => e.row),
          [3, 4, 5, 6, 7, 8, 9],
        );
        assert.match(r.errors[0]!.message, /date_of_birth "2015-02-30" is not a real date/);
        assert.match(r.errors[1]!.message, /in the future/);
        assert.match(r.errors[2]!.message, /worker_staff_number NOPE is not anyone/);
        assert.match(r.errors[3]!.message, /team "Atlantis"/);
        assert.match(r.errors[4]!.message, /child_id Y1 appears more than once/);
        assert.match(r.errors[5]!.message, /formula/);
        assert.match(r.errors[6]!.message, /longer than/);
        assert.equal(await count(), before);

        const plans = fileOf(
          'plans.csv',
          'plan_id,child_id,kind,start_date,end_date,category\nPZ,C000001,cp,2026-05-01,2026-04-01,\nPY,NOT-A-CHILD,cin,2026-05-01,,\n',
        );
        const p = await importFile(t.db, t.clock, actor, kindSpec('plans')!, plans, TODAY);
        assert.deepEqual(p.ok ? [] : p.errors.map((e) => e.message.replace(/ \(.*/, '')), [
          'end_date 2026-04-01 is before start_date 2026-05-01',
          'child_id NOT-A-CHILD is not a known child',
        ]);
      } finally {
        await t.drop();
      }
    });

    test('a file of several batches goes in whole, a repeated id far apart is caught, and again changes nothing', async () => {
      const t = await createTestApp(dialect);
      try {
        const run = (f: { path: string; name: string }) =>
          importFile(t.db, t.clock, actor, kindSpec('visits')!, f, TODAY);
        const child = (await t.db.selectFrom('children').select('local_id').executeTakeFirstOrThrow())
          .local_id;
        const rows = (n: number, kind = 'cp') =>
          Array.from(
            { length: n },
            (_, i) => `VB${i},${child},2026-11-${String(1 + (i % 26)).padStart(2, '0')},${kind},yes,no\n`,
          );
        const header = 'visit_id,child_id,date,kind,seen,seen_alone\n';
        // 1,234 rows: two full batches of 500 and a part batch.
        const twice = await run(fileOf('twice.csv', header + rows(1_234).join('') + rows(1)[0]));
        assert.equal(twice.ok, false);
        assert.deepEqual(twice.ok ? [] : twice.errors, [
          { row: 1_236, message: 'visit_id VB0 appears more than once in the file' },
        ]);
        const count = async () =>
          Number(
            (
              await t.db
                .selectFrom('child_visits')
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .where('local_id', 'like', 'VB%')
                .executeTakeFirstOrThrow()
            ).n,
          );
        assert.equal(await count(), 0);
        const file = fileOf('many.csv', header + rows(1_234).join(''));
        assert.deepEqual(await run(file), { ok: true, rows: 1_234, added: 1_234, changed: 0, unchanged: 0 });
        assert.deepEqual(await run(file), { ok: true, rows: 1_234, added: 0, changed: 0, unchanged: 1_234 });
        const last = rows(1_234);
        last[1_233] = last[1_233]!.replace(',cp,', ',cin,');
        assert.deepEqual(await run(fileOf('one-changed.csv', header + last.join(''))), {
          ok: true,
          rows: 1_234,
          added: 0,
          changed: 1,
          unchanged: 1_233,
        });
        assert.equal(await count(), 1_234);
      } finally {
        await t.drop();
      }
    });

    test('the wrong file, an empty file and a file with a huge cell are refused as a whole', async () => {
      const t = await createTestApp(dialect);
      try {
        const run = async (name: string, text: string) => {
          const r = await importFile(t.db, t.clock, actor, kindSpec('children')!, fileOf(name, text), TODAY);
          return r.ok ? 'imported' : r.errors.map((e) => `${e.row}: ${e.message}`).join('\n');
        };
        assert.match(
          await run('visits.csv', 'visit_id,child_id,date,kind\nV1,C1,2026-01-01,cp\n'),
          /^null: This is not a children file/,
        );
        assert.match(await run('empty.csv', ''), /^null: The file is empty/);
        assert.match(
          await run('huge.csv', `child_id,name\nZ1,"${'x'.repeat(100_000)}"\n`),
          /^null: Row 2 is longer than/,
        );
        assert.match(
          await run('binary.csv', 'child_id,name\n"unclosed,quote\n'),
          /^null: The file could not be read as CSV/,
        );
      } finally {
        await t.drop();
      }
    });

    test('a file that is not UTF-8 is refused with the row it goes wrong on; UTF-8 split between reads is not', async () => {
      const t = await createTestApp(dialect);
      try {
        const count = async () =>
          Number(
            (
              await t.db
                .selectFrom('children')
                .select((eb) => eb.fn.countAll().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          );
        const before = await count();
        const header = 'child_id,name\n';
        // "Zoë" saved in Windows-1252: ë is the single byte 0xEB, which UTF-8 cannot start a character with.
        const latin1 = Buffer.concat([
          Buffer.from(`${header}U1,Ann Lee\n`),
          Buffer.from('U2,Zo'),
          Buffer.from([0xeb]),
          Buffer.from(' Hart\n'),
        ]);
        const r = await importFile(
          t.db,
          t.clock,
          actor,
          kindSpec('children')!,
          fileOf('latin1.csv', latin1),
          TODAY,
        );
        assert.equal(r.ok, false);
        assert.match(r.ok ? '' : r.errors[0]!.message, /^Row 3 is not UTF-8 text/);
        assert.equal(await count(), before, 'nothing written');
        // A two-byte character across the 64 KiB boundary between the file's reads: read whole.
        let text = 'child_id,name\n';
        for (let i = 0; text.length < 65_470; i++) text += `P${i},Pat Doe\n`;
        text += `Q1,${'x'.repeat(65_535 - text.length - 'Q1,'.length)}Élise\n`;
        assert.equal(
          Buffer.from(text).indexOf(Buffer.from('É')),
          65_535,
          'É starts on the last byte of the first read',
        );
        const ok = await importFile(
          t.db,
          t.clock,
          actor,
          kindSpec('children')!,
          fileOf('split.csv', text),
          TODAY,
        );
        assert.equal(ok.ok, true, ok.ok ? '' : ok.errors.map((e) => e.message).join('\n'));
      } finally {
        await t.drop();
      }
    });
  });
}
