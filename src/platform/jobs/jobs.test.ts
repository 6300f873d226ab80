import assert from 'node:assert/strict';
import { after } from 'node:test';
import { forEachDialect, type TestDb } from '../../testing/test-db.ts';
import { nextAttemptDelayMs } from '../mail/backoff.ts';
import type { Services } from '../services.ts';
import { claimDue } from './claim.ts';
import { enqueueJob, registerJob, runDueJobs } from './jobs.ts';

const jobs = (t: TestDb) => t.db.selectFrom('jobs').selectAll().orderBy('run_at').orderBy('id').execute();

// Handlers live in one registry for the process: each test names its own jobs.
const seen: { name: string; payload: unknown }[] = [];
const unregister = [
  registerJob<{ staffId: string }>('test:remind', async (_s, payload) => {
    seen.push({ name: 'test:remind', payload });
  }),
  registerJob('test:always-fails', async () => {
    throw new Error('The training system did not answer');
  }),
];
after(() => {
  for (const u of unregister) u();
});

forEachDialect('a job runs once with its payload and is marked done', async (t) => {
  seen.length = 0;
  await enqueueJob(t.db, t.clock, 'test:remind', { staffId: 's-1' });
  assert.deepEqual(await runDueJobs(t.services, 'w1'), {
    claimed: 1,
    done: 1,
    retrying: 0,
    failed: 0,
    released: 0,
  });
  assert.deepEqual(await runDueJobs(t.services, 'w1'), {
    claimed: 0,
    done: 0,
    retrying: 0,
    failed: 0,
    released: 0,
  });
  assert.deepEqual(seen, [{ name: 'test:remind', payload: { staffId: 's-1' } }]);
  const [job] = await jobs(t);
  assert.equal(job?.status, 'done');
  assert.equal(job?.finished_at, t.clock.now().toISOString());
  assert.equal(job?.locked_by, null);
});

forEachDialect('a job waits for its run time', async (t) => {
  seen.length = 0;
  await enqueueJob(t.db, t.clock, 'test:remind', { staffId: 's-2' }, { runAt: '2026-11-28T07:00:00Z' });
  assert.equal((await runDueJobs(t.services, 'w1')).claimed, 0);
  t.clock.set('2026-11-28T07:00:00Z');
  assert.equal((await runDueJobs(t.services, 'w1')).done, 1);
  assert.equal(seen.length, 1);
});

forEachDialect('a job with a unique key already queued is not queued again', async (t) => {
  const key = 'training-reminders:2026-11-27';
  const first = await enqueueJob(t.db, t.clock, 'test:remind', { staffId: 'a' }, { uniqueKey: key });
  const again = await enqueueJob(t.db, t.clock, 'test:remind', { staffId: 'b' }, { uniqueKey: key });
  assert.ok(first);
  assert.equal(again, null);

  // Two app instances enqueueing the same period at the same moment still make one job.
  const other = t.open();
  try {
    const racing = await Promise.all([
      enqueueJob(t.db, t.clock, 'test:remind', {}, { uniqueKey: 'training-reminders:2026-11-28' }),
      enqueueJob(other.db, t.clock, 'test:remind', {}, { uniqueKey: 'training-reminders:2026-11-28' }),
    ]);
    assert.equal(racing.filter((id) => id !== null).length, 1);
  } finally {
    await other.close();
  }

  // Once done the key stays taken: the reminder for that day is not sent twice.
  await runDueJobs(t.services, 'w1');
  assert.equal(await enqueueJob(t.db, t.clock, 'test:remind', {}, { uniqueKey: key }), null);
  // Jobs without a key never collide.
  assert.ok(await enqueueJob(t.db, t.clock, 'test:remind', {}));
  assert.ok(await enqueueJob(t.db, t.clock, 'test:remind', {}));

  const rows = await jobs(t);
  assert.equal(rows.length, 4);
  assert.deepEqual(JSON.parse(rows.find((r) => r.unique_key === key)!.payload), { staffId: 'a' });
});

forEachDialect('a job queued in a transaction that rolls back never exists', async (t) => {
  await assert.rejects(
    t.db.transaction().execute(async (trx) => {
      await enqueueJob(trx, t.clock, 'test:remind', {});
      throw new Error('rolled back');
    }),
  );
  assert.equal((await jobs(t)).length, 0);
});

forEachDialect('a failing job is retried with back-off, then marked failed', async (t) => {
  await enqueueJob(t.db, t.clock, 'test:always-fails', {}, { maxAttempts: 3 });
  const start = t.clock.now().getTime();

  assert.equal((await runDueJobs(t.services, 'w1')).retrying, 1);
  let [job] = await jobs(t);
  assert.equal(job?.status, 'pending');
  assert.equal(job?.attempts, 1);
  assert.equal(job?.last_error, 'The training system did not answer');
  assert.equal(job?.run_at, new Date(start + nextAttemptDelayMs(1)).toISOString());

  // Not before its back-off has passed.
  t.clock.advanceMs(nextAttemptDelayMs(1) - 1);
  assert.equal((await runDueJobs(t.services, 'w1')).claimed, 0);
  t.clock.advanceMs(1);
  assert.equal((await runDueJobs(t.services, 'w1')).retrying, 1);
  [job] = await jobs(t);
  assert.equal(job?.attempts, 2);
  assert.equal(job?.run_at, new Date(t.clock.now().getTime() + nextAttemptDelayMs(2)).toISOString());

  t.clock.advanceMs(nextAttemptDelayMs(2));
  assert.equal((await runDueJobs(t.services, 'w1')).failed, 1);
  [job] = await jobs(t);
  assert.equal(job?.status, 'failed');
  assert.equal(job?.attempts, 3);
  assert.equal(job?.finished_at, t.clock.now().toISOString());

  t.clock.advanceMs(24 * 60 * 60_000);
  assert.equal((await runDueJobs(t.services, 'w1')).claimed, 0);
});

forEachDialect('a job nobody has a handler for is retried, not lost', async (t) => {
  await enqueueJob(t.db, t.clock, 'test:from-a-newer-release', {});
  assert.equal((await runDueJobs(t.services, 'w1')).retrying, 1);
  const [job] = await jobs(t);
  assert.equal(job?.status, 'pending');
  assert.match(job?.last_error ?? '', /No handler is registered/);
});

forEachDialect('a claim whose worker died runs out and the job is claimed again', async (t) => {
  await enqueueJob(t.db, t.clock, 'test:remind', {});
  const lease = 60_000;
  const taken = await claimDue(t.db, t.dialect, 'jobs', {
    workerId: 'dead',
    limit: 10,
    leaseMs: lease,
    now: t.clock.now(),
  });
  assert.equal(taken.length, 1);
  assert.equal((await runDueJobs(t.services, 'w2')).claimed, 0);
  t.clock.advanceMs(lease);
  assert.equal((await runDueJobs(t.services, 'w2')).done, 1);
  const [job] = await jobs(t);
  assert.equal(job?.attempts, 2);
});

forEachDialect('two instances claiming at once never take the same job', async (t) => {
  const total = 200;
  await t.db
    .insertInto('jobs')
    .values(
      Array.from({ length: total }, (_, i) => ({
        id: `job-${String(i).padStart(3, '0')}`,
        name: 'test:remind',
        payload: '{}',
        unique_key: null,
        run_at: t.clock.now().toISOString(),
        status: 'pending' as const,
        attempts: 0,
        max_attempts: 5,
        locked_by: null,
        locked_until: null,
        last_error: null,
        created_at: t.clock.now().toISOString(),
        finished_at: null,
      })),
    )
    .execute();

  // Two separate connection pools, as two app instances behind a load balancer would have.
  const a = t.open();
  const b = t.open();
  const claimAll = async (services: Pick<Services, 'db' | 'dialect'>, workerId: string) => {
    const mine: string[] = [];
    for (;;) {
      const rows = await claimDue(services.db, services.dialect, 'jobs', {
        workerId,
        limit: 7,
        leaseMs: 60_000,
        now: t.clock.now(),
      });
      if (rows.length === 0) return mine;
      mine.push(...rows.map((r) => r.id));
    }
  };
  try {
    const claimers = [
      claimAll({ db: a.db, dialect: t.dialect }, 'instance-a'),
      claimAll({ db: b.db, dialect: t.dialect }, 'instance-b'),
      claimAll({ db: a.db, dialect: t.dialect }, 'instance-a2'),
      claimAll({ db: b.db, dialect: t.dialect }, 'instance-b2'),
    ];
    const results = await Promise.all(claimers);
    const all = results.flat();
    assert.equal(new Set(all).size, all.length, 'no job was claimed twice');
    assert.equal(all.length, total, 'every job was claimed');

    // Each row records the claimer that returned it.
    const rows = await jobs(t);
    const owner = new Map(rows.map((r) => [r.id, r.locked_by]));
    const names = ['instance-a', 'instance-b', 'instance-a2', 'instance-b2'];
    results.forEach((ids, i) => {
      for (const id of ids) assert.equal(owner.get(id), names[i]);
    });
    assert.ok(rows.every((r) => r.attempts === 1));
  } finally {
    await a.close();
    await b.close();
  }
});
