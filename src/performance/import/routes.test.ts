import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { Browser, createTestApp, personaFor } from '../../testing/test-app.ts';
import { LISTS } from './annex-a-lists.ts';

/** A multipart/form-data body with the kind and one file, as a browser builds it. */
function multipart(kind: string, filename: string, content: string | Buffer) {
  const boundary = '----hubtestChildren42';
  const part = (head: string, body: string | Buffer) =>
    Buffer.concat([Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`), Buffer.from(body), Buffer.from('\r\n')]);
  const payload = Buffer.concat([
    part('Content-Disposition: form-data; name="kind"', kind),
    part(
      `Content-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream`,
      content,
    ),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

test('a system admin uploads visits: a bad file shows row-numbered problems; a good one is previewed, then imported on confirmation', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hub-uploads-'));
  const t = await createTestApp('sqlite', { dataDir });
  try {
    const b = new Browser(t.app);
    await b.signIn(personaFor('system-admin').email);
    const csrf = await b.csrfFrom('/performance/import');
    const upload = (content: string) => {
      const { payload, contentType } = multipart('visits', 'visits.csv', content);
      return t.app.inject({
        method: 'POST',
        url: `/performance/import?_csrf=${encodeURIComponent(csrf)}`,
        headers: {
          cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'content-type': contentType,
        },
        payload,
      });
    };
    const count = async () => (await t.db.selectFrom('child_visits').select('id').execute()).length;
    const before = await count();

    const bad = await upload(
      'visit_id,child_id,date,kind,seen,seen_alone\nW1,C000001,2026-11-20,cp,yes,no\nW2,C000001,yesterday,cp,yes,no\n',
    );
    assert.equal(bad.statusCode, 422);
    assert.match(
      bad.body,
      /<td class="govuk-table__cell">3<\/td>\s*<td class="govuk-table__cell">date &quot;yesterday&quot; is not a real date/,
    );
    assert.equal(await count(), before);

    const good = await upload(
      'visit_id,child_id,date,kind,seen,seen_alone\nW1,C000001,2026-11-20,cp,yes,no\nW2,C000002,2026-11-21,cin,yes,yes\n',
    );
    assert.equal(good.statusCode, 303);
    const preview = await b.get(String(good.headers.location));
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /Every one of the 2 rows in visits.csv has been checked/);
    assert.equal(await count(), before, 'nothing is written before confirmation');

    const token = /name="token" value="([a-f0-9]+)"/.exec(preview.body)![1]!;
    const done = await b.post('/performance/import/confirm', { _csrf: csrf, token });
    assert.equal(done.statusCode, 303);
    assert.equal(await count(), before + 2);
    assert.deepEqual(readdirSync(path.join(dataDir, 'imports')), [], 'the upload is removed once imported');
    // The token is spent: confirming again imports nothing more.
    const again = await b.post('/performance/import/confirm', { _csrf: csrf, token });
    assert.equal(again.statusCode, 400);
    assert.equal(await count(), before + 2);

    // Someone without the permission cannot upload.
    const other = new Browser(t.app);
    await other.signIn(personaFor('team-manager').email);
    assert.equal((await other.get('/performance/import')).statusCode, 403);
  } finally {
    await t.drop();
  }
});

test('each kind has a template with its columns and an example row', async () => {
  const t = await createTestApp('sqlite');
  try {
    const b = new Browser(t.app);
    await b.signIn(personaFor('system-admin').email);
    const res = await b.get('/performance/import/template.csv?kind=visits');
    assert.equal(res.statusCode, 200);
    assert.equal(res.body.split('\n')[0]!.trim(), 'visit_id,child_id,date,kind,seen,seen_alone');
  } finally {
    await t.drop();
  }
});

test('an Annex A workbook goes through the same check, preview and confirmation', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hub-uploads-'));
  const t = await createTestApp('sqlite', { dataDir });
  try {
    const b = new Browser(t.app);
    await b.signIn(personaFor('system-admin').email);
    const csrf = await b.csrfFrom('/performance/import');
    // Lists 4–7 with their headings only; list 8 with one child, its dates in three of the ways workbooks hold them.
    const wb = new ExcelJS.Workbook();
    for (const l of LISTS.filter((x) => x.list < 8))
      wb.addWorksheet(`List ${l.list}`).addRow(Object.keys(l.columns));
    wb.addWorksheet('List 8').addRows([
      [
        'Child Unique ID',
        'Date Started to be Looked After',
        'Child’s Legal Status',
        'Date of Latest Statutory Review',
        'Date of Last Social Work Visit',
        'Date Ceased to be Looked After',
      ],
      [
        'C000003',
        '03/03/2025',
        'V2 Section 20',
        new Date('2026-10-01T00:00:00Z'),
        '02/11/2026 00:00:00',
        '#N/A',
      ],
    ]);
    const { payload, contentType } = multipart(
      'annex-a',
      'annex-a.xlsx',
      Buffer.from(await wb.xlsx.writeBuffer()),
    );
    const res = await t.app.inject({
      method: 'POST',
      url: `/performance/import?_csrf=${encodeURIComponent(csrf)}`,
      headers: {
        cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'content-type': contentType,
      },
      payload,
    });
    assert.equal(res.statusCode, 303);
    const preview = await b.get(String(res.headers.location));
    assert.match(preview.body, /Every one of the 1 rows in annex-a.xlsx has been checked/);
    assert.match(preview.body, /AA8-V-C000003-2026-11-02/);
    const token = /name="token" value="([a-f0-9]+)"/.exec(preview.body)![1]!;
    assert.equal((await b.post('/performance/import/confirm', { _csrf: csrf, token })).statusCode, 303);
    const visit = await t.db
      .selectFrom('child_visits')
      .select('day')
      .where('local_id', '=', 'AA8-V-C000003-2026-11-02')
      .execute();
    assert.deepEqual(visit, [{ day: '2026-11-02' }]);
  } finally {
    await t.drop();
  }
});
