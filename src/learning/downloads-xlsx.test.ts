import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { findPython, runPython } from '../platform/python.ts';
import { Browser, createTestApp, personaFor } from '../testing/test-app.ts';
import { dialectsUnderTest } from '../testing/test-db.ts';

/**
 * Rule (issue 10, item 8): every table that downloads as CSV also downloads as
 * XLSX, with date columns as date cells and scores as number cells. Covers the
 * three that were CSV only: the CPD record, evaluation results, the audit log.
 * The files are read back with exceljs and, where it is installed, openpyxl.
 */

const cookie = (b: Browser) => [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

async function download(b: Browser, url: string) {
  const res = await b.app.inject({ method: 'GET', url, headers: { cookie: cookie(b) } });
  assert.equal(res.statusCode, 200, url);
  assert.equal(
    res.headers['content-type'],
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    url,
  );
  assert.match(String(res.headers['content-disposition']), /attachment; filename=".+\.xlsx"/, url);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return { sheet: wb.worksheets[0]!, raw: res.rawPayload };
}

const OPENPYXL = `
import sys, io, json, openpyxl
sheet = openpyxl.load_workbook(io.BytesIO(sys.stdin.buffer.read())).worksheets[0]
print(json.dumps([[c.is_date, c.data_type] for c in sheet[2]]))
`;
const py = findPython(['openpyxl']);

for (const dialect of dialectsUnderTest())
  test(`CPD, evaluations and the audit log download as XLSX with date and number cells [${dialect}]`, async () => {
    const t = await createTestApp(dialect);
    try {
      const worker = new Browser(t.app);
      await worker.signIn(personaFor('practitioner').email);
      const _csrf = await worker.csrfFrom('/learning/cpd');
      await worker.post('/learning/cpd/new', { _csrf, title: '=Read a review', day: '2026-11-20' });
      assert.match(
        (await worker.get('/learning/cpd')).body,
        /href="\/learning\/cpd\.xlsx"/,
        'the page offers it',
      );
      const cpd = await download(worker, '/learning/cpd.xlsx');
      assert.equal(cpd.sheet.getCell('A1').value, 'Date');
      const day = cpd.sheet.getCell('A2');
      assert.equal(day.type, ExcelJS.ValueType.Date, 'the CPD date is a date cell');
      assert.equal((day.value as Date).toISOString(), '2026-11-20T00:00:00.000Z');
      assert.equal(cpd.sheet.getCell('B2').value, '=Read a review', 'formula-looking text stays text');
      assert.equal(cpd.sheet.getCell('B2').type, ExcelJS.ValueType.String);
      if (py.python) {
        const cells = runPython(py.python, OPENPYXL, cpd.raw) as [boolean, string][];
        assert.deepEqual(cells[0], [true, 'd'], 'openpyxl reads the date as a date');
        assert.equal(cells[1]![1], 's');
      }

      const ld = new Browser(t.app);
      await ld.signIn(personaFor('ld-admin').email);
      const course = await t.db
        .selectFrom('lrn_courses')
        .select('id')
        .where('title', 'like', 'Motivational%')
        .executeTakeFirstOrThrow();
      assert.match(
        (await ld.get(`/learning/courses/${course.id}/evaluations`)).body,
        new RegExp(`href="/learning/courses/${course.id}/evaluations\\.xlsx"`),
      );
      const ev = await download(ld, `/learning/courses/${course.id}/evaluations.xlsx`);
      assert.ok(ev.sheet.rowCount > 1, 'the seed has evaluations');
      const row = ev.sheet.getRow(2);
      assert.equal(row.getCell(1).type, ExcelJS.ValueType.Date, 'session date');
      for (const c of [2, 3, 4]) assert.equal(row.getCell(c).type, ExcelJS.ValueType.Number, `score ${c}`);
      assert.equal(row.getCell(7).type, ExcelJS.ValueType.Date, 'given on');

      const admin = new Browser(t.app);
      await admin.signIn(personaFor('system-admin').email);
      assert.match((await admin.get('/admin/audit')).body, /href="\/admin\/audit\.xlsx\?/);
      const audit = await download(admin, '/admin/audit.xlsx');
      assert.equal(audit.sheet.getCell('A1').value, 'at');
      assert.ok(audit.sheet.rowCount > 1);
      assert.equal(audit.sheet.getCell('A2').type, ExcelJS.ValueType.Date, 'when, as a date and time');
      assert.equal(audit.sheet.getCell('A2').numFmt, 'd mmm yyyy hh:mm');
      const exports = await t.db
        .selectFrom('audit_log')
        .select('summary')
        .where('action', '=', 'export')
        .where('record_type', '=', 'audit-log')
        .execute();
      assert.equal(exports.length, 1, 'the XLSX export of the audit log is itself audited');
    } finally {
      await t.drop();
    }
  });
