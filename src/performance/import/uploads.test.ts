import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { openDb } from '../../platform/db/db.ts';
import { runDueJobs } from '../../platform/jobs/jobs.ts';
import { Browser, createTestApp, personaFor } from '../../testing/test-app.ts';
import { performanceJobs } from '../jobs.ts';

// Issue 11 item 12: waiting import files and the SQLite database are readable by the Hub's
// own user only (0600 files in 0700 folders), and an import never confirmed is removed by
// the performance feature's nightly job a day after it was checked.

const mode = (p: string) => statSync(p).mode & 0o777;

test('the SQLite database file and its folder are private, and so are its -wal and -shm files', async () => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'hub-db-')), 'data');
  const file = path.join(dir, 'hub.sqlite');
  const handle = openDb({ kind: 'sqlite', file });
  try {
    await sql`create table t (x integer)`.execute(handle.db);
    await sql`insert into t values (1)`.execute(handle.db);
    assert.equal(mode(dir).toString(8), '700');
    for (const f of [file, `${file}-wal`, `${file}-shm`]) assert.equal(mode(f).toString(8), '600', f);
  } finally {
    await handle.close();
  }
});

test('a waiting import is private, and goes a day after it was checked if nobody confirms it', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hub-uploads-'));
  const t = await createTestApp('sqlite', { dataDir });
  try {
    const b = new Browser(t.app);
    await b.signIn(personaFor('system-admin').email);
    const csrf = await b.csrfFrom('/performance/import');
    const boundary = '----hubtestPrivate';
    const part = (head: string, body: string) => `--${boundary}\r\n${head}\r\n\r\n${body}\r\n`;
    const payload =
      part('Content-Disposition: form-data; name="kind"', 'visits') +
      part(
        'Content-Disposition: form-data; name="file"; filename="visits.csv"\r\nContent-Type: text/csv',
        'visit_id,child_id,date,kind,seen,seen_alone\nW1,C000001,2026-11-20,cp,yes,no\n',
      ) +
      `--${boundary}--\r\n`;
    const res = await t.app.inject({
      method: 'POST',
      url: `/performance/import?_csrf=${encodeURIComponent(csrf)}`,
      headers: {
        cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload,
    });
    assert.equal(res.statusCode, 303);
    const folder = path.join(dataDir, 'imports');
    assert.equal(mode(folder).toString(8), '700');
    const waiting = readdirSync(folder);
    assert.equal(waiting.length, 2, 'the file and its description');
    for (const f of waiting) assert.equal(mode(path.join(folder, f)).toString(8), '600', f);
    // A file left without its description (a crash between the two writes), from two days ago.
    const orphan = path.join(folder, `${'a'.repeat(32)}.csv`);
    writeFileSync(orphan, 'x', { mode: 0o600 });
    const twoDaysAgo = new Date(t.clock.now().getTime() - 48 * 3_600_000);
    utimesSync(orphan, twoDaysAgo, twoDaysAgo);

    performanceJobs.register();
    await performanceJobs.schedule(t.services);
    t.clock.advanceMs(20 * 3_600_000); // the next morning's run: the upload is 20 hours old
    await runDueJobs(t.services, 'w1');
    assert.equal(readdirSync(folder).length, 2, 'a day has not passed; the old orphan has gone');
    t.clock.advanceMs(24 * 3_600_000); // the night after: 44 hours
    await runDueJobs(t.services, 'w1');
    assert.deepEqual(readdirSync(folder), [], 'never confirmed, so removed');
    const jobs = await t.db
      .selectFrom('jobs')
      .select(['unique_key', 'status'])
      .where('name', '=', 'performance:prune-uploads')
      .orderBy('run_at')
      .execute();
    assert.deepEqual(
      jobs.map((j) => j.status),
      ['done', 'done', 'pending'],
      'one a night, the next one queued',
    );
  } finally {
    await t.drop();
  }
});
