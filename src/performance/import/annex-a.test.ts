import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { systemActor } from '../../platform/audit/audit.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { importAnnexA } from './annex-a.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'annex-a-'));
const TODAY = '2026-11-27';

async function workbook(name: string, sheets: Record<string, unknown[][]>) {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) wb.addWorksheet(sheet).addRows(rows);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return { path: file, name };
}

const LIST_7 = [
  'Child Unique ID',
  'Gender',
  'CP Plan Start Date',
  'Initial Category of Abuse',
  'Date of the Last Statutory Visit',
  'Was the Child Seen Alone?',
  'Date of latest review conference',
  'CP Plan End Date',
];
const LIST_8 = [
  'Child Unique ID',
  'Date Started to be Looked After',
  'Legal Status',
  'Date of Latest Statutory Review',
  'Date of Last Social Work Visit',
];

test('an Annex A workbook adds plans, care, latest visits and reviews to known children; again, it changes nothing', async () => {
  const t = await createTestApp('sqlite');
  try {
    const run = (f: { path: string; name: string }) =>
      importAnnexA(t.db, t.clock, systemActor('test'), f, TODAY);
    const good = await workbook('annex-a.xlsx', {
      'List 7': [
        LIST_7,
        [
          'C000001',
          'Female',
          new Date('2026-06-01T00:00:00Z'),
          'Neglect',
          '20/11/2026',
          'Yes',
          '2026-09-01',
          null,
        ],
      ],
      'List 8': [
        LIST_8,
        ['C000002', '2025-03-03', 'C2 Full care order', '2026-10-01', new Date('2026-11-02T00:00:00Z')],
      ],
    });
    const first = await run(good);
    // List 7: the plan, the last visit, the latest review conference; list 8: the care, its last visit and review.
    assert.deepEqual(first, { ok: true, rows: 2, written: 6 });
    const c1 = await t.db
      .selectFrom('children')
      .select('id')
      .where('local_id', '=', 'C000001')
      .executeTakeFirstOrThrow();
    const visit = await t.db
      .selectFrom('child_visits')
      .select(['day', 'seen_alone'])
      .where('local_id', '=', 'AA7-V-C000001-2026-11-20')
      .executeTakeFirstOrThrow();
    assert.deepEqual(visit, { day: '2026-11-20', seen_alone: 1 });
    const plan = await t.db
      .selectFrom('child_plans')
      .select(['kind', 'start_day', 'child_id'])
      .where('local_id', '=', 'AA7-P-C000001-2026-06-01')
      .executeTakeFirstOrThrow();
    assert.deepEqual(plan, { kind: 'cp', start_day: '2026-06-01', child_id: c1.id });
    assert.deepEqual(await run(good), { ok: true, rows: 2, written: 0 });
  } finally {
    await t.drop();
  }
});

test('bad rows, the wrong workbook, formulas, a zip bomb and a file that is not a workbook write nothing', async () => {
  const t = await createTestApp('sqlite');
  try {
    const run = async (f: { path: string; name: string }) => {
      const r = await importAnnexA(t.db, t.clock, systemActor('test'), f, TODAY);
      return r.ok ? 'imported' : r.errors.map((e) => `${e.row ?? 'file'}: ${e.message}`);
    };
    const before = (await t.db.selectFrom('child_plans').select('id').execute()).length;
    const bad = await workbook('bad.xlsx', {
      'List 7': [
        LIST_7,
        ['C000001', 'Female', '2026-06-01', 'Neglect', '2027-01-05', 'No', '', ''],
        ['NOBODY', 'Male', '2026-06-01', 'Neglect', '', '', '', ''],
        ['C000003', 'Male', '2026-06-01', { formula: 'HYPERLINK("http://x")' }, '', '', '', ''],
        ['C000004', 'Male', '2026-06-01', 'Neglect', '', '', '', '2026-05-01'],
      ],
    });
    assert.deepEqual(await run(bad), [
      '2: List 7, row 2: date 2027-01-05 is in the future',
      '3: List 7, row 3: child_id NOBODY is not a known child (import children first)',
      '4: List 7, row 4: a cell holds a formula; paste values instead',
      '5: List 7, row 5: end_date 2026-05-01 is before start_date 2026-06-01',
    ]);
    assert.match(
      String(await run(await workbook('other.xlsx', { Sheet1: [['a', 'b']] }))),
      /not an Annex A workbook/,
    );
    assert.match(
      String(await run(await workbook('list-7-wrong.xlsx', { 'List 7': [['Child Unique ID', 'Colour']] }))),
      /not Annex A list 7: it has no column CP Plan Start Date/,
    );
    assert.match(
      String(
        await run(await workbook('bomb.xlsx', { 'List 7': [LIST_7, ['C000001', 'a'.repeat(5_000_000)]] })),
      ),
      /refused as unsafe/,
    );
    const notZip = path.join(dir, 'not.xlsx');
    writeFileSync(notZip, 'child_id,name\n');
    assert.match(String(await run({ path: notZip, name: 'not.xlsx' })), /not an Excel workbook/);
    assert.equal((await t.db.selectFrom('child_plans').select('id').execute()).length, before);
  } finally {
    await t.drop();
  }
});
