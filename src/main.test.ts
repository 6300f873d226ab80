import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { openDb } from './platform/db/db.ts';

const main = path.join(import.meta.dirname, 'main.ts');
const dir = mkdtempSync(path.join(tmpdir(), 'hub-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the real CLI in its own process, on a SQLite database in a temporary DATA_DIR. */
const cli = (args: string[], input = '') =>
  spawnSync(process.execPath, [main, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '', NODE_ENV: 'development', LOG_LEVEL: 'silent' },
  });

test('the command line: migrate, demo, create-user and import staff, with clear failures', async () => {
  assert.equal(cli(['migrate']).stdout, 'Database is up to date.\n');

  const demo = cli(['demo']);
  assert.equal(demo.status, 0, demo.stderr);
  assert.match(demo.stdout, /Added \d+ demo staff/);
  assert.match(demo.stdout, /chris\.evans@calderbrook\.example/);
  const again = cli(['demo']);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /already has staff/);

  const weak = cli(
    ['create-user', '--email', 'ops@calderbrook.example', '--name', 'Ops Person', '--role', 'system-admin'],
    'short\n',
  );
  assert.equal(weak.status, 1);
  assert.match(weak.stderr, /at least 12 characters/);
  const made = cli(
    [
      'create-user',
      '--email',
      'Ops@Calderbrook.example',
      '--name',
      'Ops Person',
      '--role',
      'system-admin',
      'psw',
      '--team',
      'Systems Team',
    ],
    'a long enough passphrase\n',
  );
  assert.equal(made.status, 0, made.stderr);
  assert.match(made.stdout, /Created Ops@Calderbrook.example/);

  const file = path.join(dir, 'staff.csv');
  writeFileSync(
    file,
    'staff_number,name,email,job_title,team,roles,agency,left_on\nX1,Bad Row,bad,SW,Front Door,practitioner,no,\n',
  );
  const bad = cli(['import', 'staff', file]);
  assert.equal(bad.status, 1);
  assert.equal(bad.stderr, 'row 2: email is not a valid email address\nNothing was imported.\n');
  writeFileSync(
    file,
    'staff_number,name,email,job_title,team,roles,agency,left_on\nX1,Good Row,good@calderbrook.example,SW,Front Door,practitioner,no,\n',
  );
  const good = cli(['import', 'staff', file]);
  assert.equal(good.stdout, 'Imported: 1 added, 0 changed, 0 unchanged.\n');
  assert.equal(cli(['import', 'staff', file]).stdout, 'Imported: 0 added, 0 changed, 1 unchanged.\n');

  const handle = openDb({ kind: 'sqlite', file: path.join(dir, 'hub.sqlite') });
  try {
    const ops = await handle.db
      .selectFrom('staff')
      .select(['id', 'email'])
      .where('email', '=', 'ops@calderbrook.example')
      .executeTakeFirstOrThrow();
    const roles = await handle.db
      .selectFrom('staff_roles')
      .select('role')
      .where('staff_id', '=', ops.id)
      .orderBy('role')
      .execute();
    assert.deepEqual(
      roles.map((r) => r.role),
      ['psw', 'system-admin'],
    );
  } finally {
    await handle.close();
  }
});

test('production settings are checked before anything runs', () => {
  const r = spawnSync(process.execPath, [main, 'migrate'], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dir, NODE_ENV: 'production', SESSION_SECRET: '', BASE_URL: '' },
  });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /Production needs SESSION_SECRET and BASE_URL to be set/);
});
