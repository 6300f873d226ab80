import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { Browser, createTestApp, personaFor } from '../testing/test-app.ts';

async function upload(b: Browser, text: string, csrf: string) {
  // A real file on disk, read back as the browser would send it.
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'upload-')), 'completions.csv');
  writeFileSync(file, text);
  const boundary = '----hubtestElearning42';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="completions.csv"\r\nContent-Type: text/csv\r\n\r\n`;
  return b.app.inject({
    method: 'POST',
    url: `/learning/compliance/import?_csrf=${encodeURIComponent(csrf)}`,
    headers: {
      cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: Buffer.concat([Buffer.from(head), readFileSync(file), Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
}

test('mandatory e-learning: compliance in people, self-recorded completion, all-or-nothing CSV import', async () => {
  const t = await createTestApp('sqlite');
  try {
    const manager = new Browser(t.app);
    await manager.signIn(personaFor('team-manager').email);
    // Who in Daniel's team has no Unconscious Bias completion, counted from the data itself.
    const teamId = (
      await t.db
        .selectFrom('staff')
        .select('team_id')
        .where('email', '=', personaFor('team-manager').email)
        .executeTakeFirstOrThrow()
    ).team_id;
    const missing = async () =>
      await t.db
        .selectFrom('staff')
        .select(['id', 'email'])
        .where('team_id', '=', teamId)
        .where('active', '=', 1)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('lrn_completions')
                .innerJoin('lrn_modules', 'lrn_modules.id', 'lrn_completions.module_id')
                .select('lrn_completions.id')
                .whereRef('lrn_completions.staff_id', '=', 'staff.id')
                .where('lrn_modules.title', '=', 'Unconscious Bias'),
            ),
          ),
        )
        .execute();
    const before = await missing();
    assert.ok(
      before.some((p) => p.email === personaFor('practitioner').email),
      'Amina has not done it in the demo',
    );
    const n = before.length;
    const other = before.find((p) => p.email !== personaFor('practitioner').email)!.email;
    const says = (k: number) =>
      new RegExp(`${k} (people|person) in your team (have|has) not completed Unconscious Bias`);
    let page = await manager.get('/learning/compliance');
    assert.match(page.body, says(n));

    const amina = new Browser(t.app);
    await amina.signIn(personaFor('practitioner').email);
    assert.equal((await amina.get('/learning/compliance')).statusCode, 403);
    const csrf = await amina.csrfFrom('/learning/elearning');
    const bias = await t.db
      .selectFrom('lrn_modules')
      .select('id')
      .where('title', '=', 'Unconscious Bias')
      .executeTakeFirstOrThrow();
    await amina.post(`/learning/elearning/${bias.id}/complete`, { _csrf: csrf, completedOn: '2030-01-01' });
    assert.match((await amina.get('/learning/elearning')).body, /must be today or earlier/);
    await amina.post(`/learning/elearning/${bias.id}/complete`, { _csrf: csrf, completedOn: '2026-11-02' });
    assert.match((await amina.get('/learning/elearning')).body, /Up to date until 2 November 2029/);
    page = await manager.get('/learning/compliance');
    assert.match(page.body, says(n - 1));

    const ld = new Browser(t.app);
    await ld.signIn(personaFor('ld-admin').email);
    const ldCsrf = await ld.csrfFrom('/learning/compliance/import');
    const completionsBefore = (await t.db.selectFrom('lrn_completions').select('id').execute()).length;
    const bad = await upload(
      ld,
      `email,module,completed_on\n${other},Unconscious Bias,2026-10-01\nnobody@calderbrook.example,Unconscious Bias,2026-10-01\n${personaFor('psw').email},Knitting,01/10/2026\n`,
      ldCsrf,
    );
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /No member of staff has the email &quot;nobody@calderbrook.example&quot;/);
    assert.match(bad.body, />3</);
    assert.match(bad.body, /no e-learning module called &quot;Knitting&quot;/);
    assert.equal(
      (await t.db.selectFrom('lrn_completions').select('id').execute()).length,
      completionsBefore,
      'nothing imported',
    );
    const good = await upload(
      ld,
      `email,module,completed_on\n${other},Unconscious Bias,2026-10-01\n`,
      ldCsrf,
    );
    assert.equal(good.statusCode, 303);
    page = await manager.get('/learning/compliance');
    assert.match(page.body, says(n - 2));
  } finally {
    await t.drop();
  }
});
