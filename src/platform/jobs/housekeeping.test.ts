import assert from 'node:assert/strict';
import { insertStaff } from '../../people/api.ts';
import { forEachDialect } from '../../testing/test-db.ts';
import { createSession } from '../auth/sessions.ts';
import { registerHousekeeping, scheduleSessionPurge } from './housekeeping.ts';
import { runDueJobs } from './jobs.ts';

forEachDialect('the nightly job removes expired sessions and queues the next night, once', async (t) => {
  registerHousekeeping();
  const at = t.clock.now().toISOString();
  await t.db.insertInto('services').values({ id: 's', name: 'S', created_at: at }).execute();
  await insertStaff(t.db, at, { id: 'p', staffNumber: '1', email: 'p@x.example', name: 'P', roles: [] });
  await createSession(t.db, t.clock, 'p', 60);
  t.clock.advanceMs(2 * 3_600_000);
  await createSession(t.db, t.clock, 'p', 60);

  // Two instances starting on the same day queue one job between them.
  assert.ok(await scheduleSessionPurge(t.services));
  assert.equal(await scheduleSessionPurge(t.services), null);

  t.clock.set('2026-11-27T11:05:00Z');
  const result = await runDueJobs(t.services, 'w1');
  assert.equal(result.done, 1);
  assert.equal(
    (await t.db.selectFrom('sessions').select('id').execute()).length,
    1,
    'only the live session is left',
  );
  const jobs = await t.db
    .selectFrom('jobs')
    .select(['unique_key', 'status', 'run_at'])
    .orderBy('run_at')
    .execute();
  assert.deepEqual(jobs, [
    {
      unique_key: 'housekeeping:purge-sessions:2026-11-27',
      status: 'done',
      run_at: '2026-11-27T03:00:00.000Z',
    },
    {
      unique_key: 'housekeeping:purge-sessions:2026-11-28',
      status: 'pending',
      run_at: '2026-11-28T03:00:00.000Z',
    },
  ]);
});
