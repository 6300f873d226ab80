import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { Browser, createTestApp, personaFor } from '../testing/test-app.ts';

/** A multipart/form-data body carrying one file, as a browser builds it. */
function multipart(filename: string, content: Buffer) {
  const boundary = '----hubtest7MA4YWxkTrZu0gW';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

async function upload(b: Browser, filename: string, content: Buffer, csrf: string) {
  const { payload, contentType } = multipart(filename, content);
  return b.app.inject({
    method: 'POST',
    url: `/staff/import?_csrf=${encodeURIComponent(csrf)}`,
    headers: { cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': contentType },
    payload,
  });
}

const fileOnDisk = (text: string) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'upload-')), 'staff.csv');
  writeFileSync(file, text);
  return readFileSync(file);
};

test('a system admin uploads a staff file: a bad one shows row-numbered problems and writes nothing; a good one imports', async () => {
  const t = await createTestApp('sqlite');
  try {
    const b = new Browser(t.app);
    await b.signIn(personaFor('system-admin').email);
    const csrf = await b.csrfFrom('/staff/import');
    const before = (await t.db.selectFrom('staff').select('id').execute()).length;

    const bad = fileOnDisk(
      'staff_number,name,email,job_title,team,roles,agency,left_on\nN1,New Person,bad-email,SW,Front Door,practitioner,no,\n',
    );
    const refused = await upload(b, 'staff.csv', bad, csrf);
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /The file was not imported/);
    assert.match(
      refused.body,
      /<td class="govuk-table__cell">2<\/td>\s*<td class="govuk-table__cell">email is not a valid email address<\/td>/,
    );
    assert.equal((await t.db.selectFrom('staff').select('id').execute()).length, before);

    const notCsv = await upload(b, 'staff.xlsx', Buffer.from('PK\u0003\u0004'), csrf);
    assert.equal(notCsv.statusCode, 400);
    assert.match(notCsv.body, /must be a CSV file/);

    const good = fileOnDisk(
      'staff_number,name,email,job_title,team,roles,agency,left_on\nN1,New Person,new.person@calderbrook.example,Social Worker,Front Door,practitioner,yes,\n',
    );
    const done = await upload(b, 'staff.csv', good, csrf);
    assert.equal(done.statusCode, 303);
    const page = await b.get('/staff');
    assert.match(page.body, /Staff file imported: 1 added, 0 changed, 0 unchanged/);
    assert.equal((await t.db.selectFrom('staff').select('id').execute()).length, before + 1);

    const withoutToken = await upload(b, 'staff.csv', good, 'wrong');
    assert.equal(withoutToken.statusCode, 403);
  } finally {
    await t.drop();
  }
});

test('the template downloads as CSV for a system admin only', async () => {
  const t = await createTestApp('sqlite');
  try {
    const admin = new Browser(t.app);
    await admin.signIn(personaFor('system-admin').email);
    const res = await admin.get('/staff/import/template.csv');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /text\/csv/);
    assert.match(res.body, /^staff_number,name,email,job_title,team,roles,agency,left_on/);
    const practitioner = new Browser(t.app);
    await practitioner.signIn(personaFor('practitioner').email);
    assert.equal((await practitioner.get('/staff/import/template.csv')).statusCode, 403);
  } finally {
    await t.drop();
  }
});
