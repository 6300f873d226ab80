import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { systemActor } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { dialectsUnderTest } from '../../testing/test-db.ts';
import { importAnnexA } from './annex-a.ts';
import { kindSpec } from './kinds.ts';
import { importFile } from './run.ts';

// The workbooks in fixtures/annex-a were written by openpyxl and LibreOffice from
// scripts/annex-a-fixtures/annex-a.csv (regenerate with scripts/annex-a-fixtures/make.py).
const FIXTURES = path.join(import.meta.dirname, 'fixtures/annex-a');
const WRITERS = ['openpyxl', 'libreoffice', 'excel-order'] as const;
const dir = mkdtempSync(path.join(tmpdir(), 'annex-a-'));
const TODAY = '2026-11-27';
const actor = systemActor('test');
const fixture = (writer: string) => ({ path: path.join(FIXTURES, `${writer}.xlsx`), name: `${writer}.xlsx` });

type Outcome = Awaited<ReturnType<typeof importAnnexA>>;
const problems = (r: Outcome) => (r.ok ? ['imported'] : r.errors.map((e) => e.message));

const TABLES = [
  'child_assessments',
  'child_enquiries',
  'child_plans',
  'child_looked_after',
  'child_meetings',
  'child_visits',
] as const;
async function annexRecords(db: Db) {
  let n = 0;
  for (const table of TABLES)
    n += (await db.selectFrom(table).select('id').where('local_id', 'like', 'AA%').execute()).length;
  return n;
}

/** The fixtures give one child as a number (100234): a child with that id, imported from CSV. */
async function addNumericChild(db: Db, clock: Parameters<typeof importFile>[1]) {
  const csv = path.join(dir, `children-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(csv, 'child_id,name\n100234,Sam Okafor\n');
  const r = await importFile(
    db,
    clock,
    actor,
    kindSpec('children')!,
    { path: csv, name: 'children.csv' },
    TODAY,
  );
  assert.ok(r.ok);
}

async function workbook(name: string, sheets: Record<string, unknown[][]>) {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) wb.addWorksheet(sheet).addRows(rows);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return { path: file, name };
}

/** Lists 4–8 with the headings the Hub reads and one good row each, as exceljs writes them. */
const HEADINGS: Record<string, string[]> = {
  'List 4': [
    'Child Unique ID',
    'Continuous Assessment Start Date',
    'Child Seen During Continuous Assessment',
    'Continuous Assessment Date of Authorisation',
    'Was the child assessed as requiring LA children’s social care support?',
  ],
  'List 5': [
    'Child Unique ID',
    'Strategy discussion initiating Section 47 Enquiry Start Date',
    'Was an Initial Child Protection Conference deemed unnecessary?',
    'Date of Initial Child Protection Conference',
  ],
  'List 6': ['Child Unique ID', 'CIN Start Date', 'Date Child Was Last Seen', 'CIN Closure Date'],
  'List 7': [
    'Child Unique ID',
    'Child Protection Plan Start Date',
    'Initial Category of Abuse',
    'Date of the Last Statutory Visit',
    'Was the Child Seen Alone?',
    'Date of latest review conference',
    'Child Protection Plan End Date',
  ],
  'List 8': [
    'Child Unique ID',
    'Date Started to be Looked After',
    'Child’s Legal Status',
    'Date of Latest Statutory Review',
    'Date of Last Social Work Visit',
    'Date Ceased to be Looked After',
  ],
};
const GOOD: Record<string, unknown[]> = {
  'List 4': ['C000001', '01/10/2026', 'a) Yes', '', 'b) No'],
  'List 5': ['C000002', '01/10/2026', 'No', '05/10/2026'],
  'List 6': ['C000003', '01/09/2026', '20/11/2026', ''],
  'List 7': ['C000004', '01/06/2026', 'Neglect', '20/11/2026', 'Y', '', ''],
  'List 8': ['C000005', '03/03/2025', 'C2', '01/10/2026', '02/11/2026', ''],
};
const lists = (change: Record<string, unknown[][] | null> = {}) =>
  Object.fromEntries(
    Object.keys(HEADINGS)
      .filter((s) => change[s] !== null)
      .map((s) => [s, change[s] ?? [HEADINGS[s]!, GOOD[s]!]]),
  );

for (const dialect of dialectsUnderTest()) {
  // Reading is the same whatever the database: 20 runs of each workbook on the first dialect,
  // and on the others 3 (the writing part: added once, then unchanged), to keep the file quick.
  const RUNS = dialect === dialectsUnderTest()[0] ? 20 : 3;
  describe(`Annex A workbooks [${dialect}]`, () => {
    test(`complete every time: each workbook imported ${RUNS} times gives the same counts, and all three writers the same records`, async () => {
      // Rule: every list present is read to its last row, or the import is refused (issue 10, item 2).
      const t = await createTestApp(dialect);
      try {
        await addNumericChild(t.db, t.clock);
        const seen: Record<string, string[]> = {};
        for (const writer of WRITERS) {
          seen[writer] = [];
          for (let run = 0; run < RUNS; run++) {
            const r = await importAnnexA(t.db, t.clock, actor, fixture(writer), TODAY);
            assert.ok(r.ok, `${writer} run ${run}: ${problems(r).join(' | ')}`);
            seen[writer]!.push(JSON.stringify(r.lists));
            if (writer === 'openpyxl' && run === 0) {
              // The first import adds every row of every list; the summary says so per list.
              assert.deepEqual(
                r.lists.map((l) => [l.list, l.rows, l.added, l.changed, l.unchanged]),
                [4, 5, 6, 7, 8].map((n) => [n, 10, 10, 0, 0]),
              );
              assert.deepEqual(
                r.lists.map((l) => l.sheet),
                ['List_4', 'List 5', 'list6 ', 'List 7 - Child Protection', 'List 8'],
              );
              assert.equal(
                r.summary[0],
                'List 4 (“List_4”): 10 rows read, 10 added, 0 changed, 0 unchanged.',
              );
              assert.equal(
                r.summary.at(-1),
                'Lists 1, 2, 3, 9, 10, 11 are not read: the Hub uses lists 4 to 8.',
              );
            }
          }
        }
        // After the first import nothing changes, whichever program wrote the same workbook.
        const again = JSON.stringify(
          [4, 5, 6, 7, 8].map((n) => ({ n, rows: 10, added: 0, changed: 0, unchanged: 10 })),
        );
        for (const writer of WRITERS) {
          const runs = seen[writer]!.slice(writer === 'openpyxl' ? 1 : 0);
          assert.equal(runs.length, writer === 'openpyxl' ? RUNS - 1 : RUNS);
          for (const r of runs)
            assert.equal(
              JSON.stringify(
                JSON.parse(r).map((l: Record<string, number>) => ({
                  n: l.list,
                  rows: l.rows,
                  added: l.added,
                  changed: l.changed,
                  unchanged: l.unchanged,
                })),
              ),
              again,
              writer,
            );
        }
      } finally {
        await t.drop();
      }
    });

    test('what real workbooks hold is read right: codes, Y/N, #N/A, spaces, numeric ids, date cells, dd/mm/yyyy and midnight times', async () => {
      const t = await createTestApp(dialect);
      try {
        await addNumericChild(t.db, t.clock);
        const r = await importAnnexA(t.db, t.clock, actor, fixture('libreoffice'), TODAY);
        assert.ok(r.ok, problems(r).join(' | '));
        const one = async (table: (typeof TABLES)[number], localId: string) =>
          t.db.selectFrom(table).selectAll().where('local_id', '=', localId).executeTakeFirstOrThrow();
        // "2/10/2026 00:00:00" (text with a midnight time) and "b) No" → outcome; #N/A → not authorised.
        const a2 = await one('child_assessments', 'AA4-A-C000002-2026-10-02');
        assert.deepEqual(
          [a2.start_day, a2.authorised_day, a2.outcome],
          ['2026-10-02', null, 'No children’s social care support needed'],
        );
        // An Excel date cell; "#N/A" is not known.
        const a4 = await one('child_assessments', 'AA4-A-C000004-2026-10-04');
        assert.deepEqual([a4.authorised_day, a4.outcome], ['2026-11-14', null]);
        // The Child Unique ID stored as a number, and "24/10/2026 00:00:00".
        const numeric = await one('child_assessments', 'AA4-A-100234-2026-10-24');
        assert.equal(numeric.start_day, '2026-10-24');
        // "24/11/2026 00:00:00" as a visit date (it once gave a message about visit ids).
        const v = await one('child_visits', 'AA6-V-C000024-2026-11-24');
        assert.equal(v.day, '2026-11-24');
        // Seen alone: "Yes" (child 37, on an Excel date cell), "b) No" (36), a non-breaking space (34).
        assert.equal((await one('child_visits', 'AA7-V-C000037-2026-11-22')).seen_alone, 1);
        assert.equal((await one('child_visits', 'AA7-V-C000036-2026-11-24')).seen_alone, 0);
        assert.equal((await one('child_visits', 'AA7-V-C000034-2026-11-20')).seen_alone, 0);
        // "a) Yes": a conference was deemed unnecessary.
        assert.equal((await one('child_enquiries', 'AA5-E-C000019-2026-09-29')).icpc_unnecessary, 1);
        const cp = await one('child_plans', 'AA7-P-C000035-2026-09-15');
        assert.equal(cp.category, 'Neglect'); // "b) Neglect" without its code
        const la = await one('child_looked_after', 'AA8-L-C000042-2025-07-03');
        assert.deepEqual([la.legal_status, la.end_day], ['C2', '2026-11-26']);
        assert.equal(
          (await one('child_looked_after', 'AA8-L-C000045-2025-01-03')).legal_status,
          'V2 Section 20',
        );
        assert.equal(
          (await one('child_looked_after', 'AA8-L-C000044-2025-09-03')).legal_status,
          'C2 Full care order',
        );
      } finally {
        await t.drop();
      }
    });

    test('bad workbooks are refused with the sheet and row, and nothing is written', async () => {
      // Rule: plain-English messages for bad input, nothing changed (issue 10, "Bad input").
      const t = await createTestApp(dialect);
      try {
        const before = await annexRecords(t.db);
        const run = async (f: { path: string; name: string }) =>
          problems(await importAnnexA(t.db, t.clock, actor, f, TODAY));
        assert.deepEqual(await run(await workbook('good.xlsx', lists())), ['imported']);
        const afterGood = await annexRecords(t.db);
        assert.ok(afterGood > before);

        assert.match(
          String(await run(await workbook('no-list-6.xlsx', lists({ 'List 6': null })))),
          /^The workbook has no List 6 \(children in need\): an Annex A return has lists 4 to 8, so nothing was imported/,
        );
        assert.deepEqual(
          await run(
            await workbook(
              'no-column.xlsx',
              lists({
                'List 7': [HEADINGS['List 7']!.filter((h) => h !== 'Was the Child Seen Alone?'), ['C000004']],
              }),
            ),
          ),
          [
            'List 7 (sheet 4) is not Annex A list 7: row 1 (its headings) has no column “Was the Child Seen Alone?”.',
          ],
        );
        const bad = await workbook(
          'bad-rows.xlsx',
          lists({
            'List 7': [
              HEADINGS['List 7']!,
              ['C000004', '01/06/2026', 'Neglect', { formula: 'TODAY()', result: new Date() }, 'Y', '', ''],
              ['C000006', '31/02/2026', 'Neglect', 'soon', 'Y', '', ''],
              ['C000007', '01/06/2026', 'Neglect', '20/11/2026', 'Perhaps', '', '01/05/2026'],
              ['NOBODY', '01/06/2026', 'Neglect', '', '', '', ''],
              ['C000008', '01/06/2026', 'Neglect', '05/01/2027', '', '', ''],
            ],
          }),
        );
        assert.deepEqual(await run(bad), [
          'List 7, row 2: column D: Date of the Last Statutory Visit holds a formula; save the workbook with values instead of formulas',
          'List 7, row 3: column B: Child Protection Plan Start Date “31/02/2026” is not a date; write it as dd/mm/yyyy; column D: Date of the Last Statutory Visit “soon” is not a date; write it as dd/mm/yyyy',
          'List 7, row 4: column E: Was the Child Seen Alone? “Perhaps” must be Yes, No or empty',
          'List 7, row 5: Child Unique ID NOBODY is not a known child (import children first)',
          'List 7, row 6: “Date of the Last Statutory Visit” 2027-01-05 is in the future',
        ]);

        // An unreadable part: list 5's sheet with its compressed bytes spoilt.
        const zip = await JSZip.loadAsync(readFileSync(fixture('excel-order').path));
        const sheet5 = await zip.file('xl/worksheets/sheet5.xml')!.async('string');
        zip.file('xl/worksheets/sheet5.xml', sheet5.slice(0, sheet5.indexOf('<row r="4"') + 12));
        const cut = path.join(dir, 'cut.xlsx');
        writeFileSync(cut, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
        assert.deepEqual(await run({ path: cut, name: 'cut.xlsx' }), [
          'List 5 (sheet 5): the workbook’s part xl/worksheets/sheet5.xml could not be read: it ends in the middle of a tag.',
        ]);
        const spoilt = Buffer.from(readFileSync(fixture('openpyxl').path));
        const at = spoilt.indexOf('xl/worksheets/sheet6.xml') + 'xl/worksheets/sheet6.xml'.length;
        for (let i = at + 20; i < at + 60; i++) spoilt[i] = spoilt[i]! ^ 0x5a;
        writeFileSync(path.join(dir, 'spoilt.xlsx'), spoilt);
        assert.match(
          String(await run({ path: path.join(dir, 'spoilt.xlsx'), name: 'spoilt.xlsx' })),
          /^list6 {2}\(sheet 6\): the workbook’s part xl\/worksheets\/sheet6\.xml is damaged/,
        );
        const notZip = path.join(dir, 'not.xlsx');
        writeFileSync(notZip, 'child_id,name\n');
        assert.deepEqual(await run({ path: notZip, name: 'not.xlsx' }), [
          'The file is not an Excel workbook (.xlsx).',
        ]);
        assert.match(
          String(await run(await workbook('other.xlsx', { Sheet1: [['a', 'b']] }))),
          /not an Annex A workbook/,
        );
        assert.equal(await annexRecords(t.db), afterGood);
      } finally {
        await t.drop();
      }
    });
  });
}
