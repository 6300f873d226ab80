import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfig } from './config.ts';
import { startServer } from './server.ts';

const env = (dir: string, extra: Record<string, string> = {}) =>
  loadConfig({
    NODE_ENV: 'development',
    PORT: '0',
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    WORKER: 'off',
    ...extra,
  });

test('first start creates, migrates and seeds the database under DATA_DIR; a second start keeps the data', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-start-'));
  try {
    const first = await startServer(env(dir), { demoIfEmpty: true, quiet: true });
    const health = await fetch(`${first.url}/health`);
    assert.equal(health.status, 200);
    const staff = await first.services.db.selectFrom('staff').select('id').execute();
    assert.ok(staff.length > 50);
    const roles = await first.services.db.selectFrom('staff_roles').select('role').distinct().execute();
    assert.equal(roles.length, 7, 'staff in every role');
    await first.services.db
      .updateTable('staff')
      .set({ job_title: 'Kept across restarts' })
      .where('id', '=', staff[0]!.id)
      .execute();
    await first.stop();

    const second = await startServer(env(dir), { demoIfEmpty: true, quiet: true });
    const again = await second.services.db.selectFrom('staff').select(['id', 'job_title']).execute();
    assert.equal(again.length, staff.length);
    assert.equal(again.find((s) => s.id === staff[0]!.id)?.job_title, 'Kept across restarts');
    await second.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('production never seeds demo data, even when asked and the database is empty', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-prod-'));
  try {
    const config = env(dir, {
      NODE_ENV: 'production',
      SESSION_SECRET: 's'.repeat(40),
      BASE_URL: 'https://hub.example',
    });
    const server = await startServer(config, { demoIfEmpty: true, quiet: true });
    assert.equal((await server.services.db.selectFrom('staff').select('id').execute()).length, 0);
    await server.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
