import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { Browser, createTestApp, personaFor } from '../testing/test-app.ts';

test('L&D reports by course, month and team, with CSV and XLSX downloads; practitioners are refused', async () => {
  const t = await createTestApp('sqlite');
  try {
    const b = new Browser(t.app);
    await b.signIn(personaFor('ld-admin').email);
    const page = await b.get('/learning/reports?by=course');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Motivational Interviewing \(practice focus\)/);
    // The demo fills the first sessions with waiting lists of three.
    assert.match(page.body, /The waiting lists suggest another session of: Motivational Interviewing/);
    assert.equal((await b.get('/learning/reports?by=month')).statusCode, 200);
    assert.equal((await b.get('/learning/reports?by=team')).statusCode, 200);
    const csv = await b.get('/learning/reports.csv?by=team');
    assert.match(String(csv.headers['content-disposition']), /learning-by-team-.*\.csv/);
    assert.ok(csv.body.startsWith('\uFEFF'), 'a byte order mark, so Excel reads UTF-8');
    assert.match(
      csv.body.replace(/^\uFEFF/, '').split('\r\n')[0]!,
      /^Team,Sessions,Booked,Waiting list,Attended,No-shows/,
    );
    const xlsx = await t.app.inject({
      method: 'GET',
      url: '/learning/reports.xlsx?by=course',
      headers: { cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    assert.equal(wb.worksheets[0]!.getRow(1).getCell(1).value, 'Course');
    // Evaluation results across every session of a course, with the comments, and as CSV.
    const mi = await t.db
      .selectFrom('lrn_courses')
      .select('id')
      .where('title', 'like', 'Motivational%')
      .executeTakeFirstOrThrow();
    const results = await b.get(`/learning/courses/${mi.id}/evaluations`);
    assert.match(results.body, /\d+ people have evaluated, of \d+ people who attended \(\d+%\)/);
    assert.match(results.body, /More time for practising with a partner/);
    const evalCsv = await b.get(`/learning/courses/${mi.id}/evaluations.csv`);
    assert.match(
      evalCsv.body.replace(/^\uFEFF/, '').split('\r\n')[0]!,
      /^Session,Content \(1-5\),Trainer \(1-5\)/,
    );
    const p = new Browser(t.app);
    await p.signIn(personaFor('practitioner').email);
    assert.equal((await p.get('/learning/reports')).statusCode, 403);
  } finally {
    await t.drop();
  }
});
