import assert from 'node:assert/strict';
import { forEachDialect, underSchemaLock } from '../../testing/test-db.ts';
import { migrateToLatest } from './migrate.ts';

forEachDialect('migrations are idempotent: a second run applies nothing and keeps the data', async (t) => {
  await t.db
    .insertInto('services')
    .values({ id: 's1', name: 'Kept', created_at: '2026-11-27T09:00:00.000Z' })
    .execute();
  // Two instances starting together must not both migrate.
  const other = t.open();
  try {
    await underSchemaLock(t.dialect, async () => {
      assert.deepEqual(await migrateToLatest(t.handle), []);
      const [a, b] = await Promise.all([migrateToLatest(t.handle), migrateToLatest(other)]);
      assert.deepEqual([...a, ...b], []);
    });
  } finally {
    await other.close();
  }
  const rows = await t.db.selectFrom('services').selectAll().execute();
  assert.deepEqual(rows, [{ id: 's1', name: 'Kept', created_at: '2026-11-27T09:00:00.000Z' }]);
});

forEachDialect(
  'values read back the same on both dialects (text ids and instants, 0/1 flags, nullable text)',
  async (t) => {
    await t.db
      .insertInto('services')
      .values({ id: 's1', name: 'S', created_at: '2026-11-27T09:00:00.000Z' })
      .execute();
    await t.db
      .insertInto('teams')
      .values({ id: 't1', service_id: 's1', name: 'T', created_at: '2026-11-27T09:00:00.000Z' })
      .execute();
    await t.db
      .insertInto('staff')
      .values({
        id: 'p1',
        staff_number: 'N1',
        email: 'a@b.example',
        name: 'A',
        job_title: '',
        team_id: 't1',
        is_agency: 1,
        active: 0,
        left_on: '2026-10-31',
        password_hash: null,
        failed_signins: 0,
        locked_until: null,
        created_at: '2026-11-27T09:00:00.000Z',
        updated_at: '2026-11-27T09:00:00.000Z',
      })
      .execute();
    const row = await t.db
      .selectFrom('staff')
      .select(['is_agency', 'active', 'left_on', 'password_hash', 'failed_signins'])
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, {
      is_agency: 1,
      active: 0,
      left_on: '2026-10-31',
      password_hash: null,
      failed_signins: 0,
    });
    await assert.rejects(
      t.db
        .updateTable('staff')
        .set({ is_agency: 2 as 0 })
        .execute(),
      'a flag is 0 or 1 only',
    );
  },
);
