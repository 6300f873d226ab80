import assert from 'node:assert/strict';
import { after } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { forEachDialect } from '../../testing/test-db.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { createMailTransport } from '../mail/sender.ts';
import { startSmtpServer } from '../mail/smtp-test-server.ts';
import { enqueueJob, registerJob } from './jobs.ts';
import { startWorker } from './worker.ts';

async function until(check: () => Promise<boolean>, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await sleep(10);
  }
}

let slowStarted = false;
let slowFinished = false;
const unregister = [
  registerJob('worker-test:breaks', async () => {
    throw new Error('broken handler');
  }),
  registerJob('worker-test:fine', async () => {}),
  registerJob('worker-test:slow', async () => {
    slowStarted = true;
    await sleep(150);
    slowFinished = true;
  }),
];
after(() => {
  for (const u of unregister) u();
});

forEachDialect('the worker sends mail and runs jobs in the background, past a broken handler', async (t) => {
  const smtp = await startSmtpServer();
  const transport = createMailTransport(smtp.url);
  const worker = startWorker(t.services, { intervalMs: 20, transport });
  try {
    await enqueueJob(t.db, t.clock, 'worker-test:breaks', {});
    await enqueueMail(t.db, t.clock, {
      to: 'pat@calderbrook.example',
      subject: 'Reminder',
      text: 'See you there.',
    });
    t.clock.advanceMs(1);
    await enqueueJob(t.db, t.clock, 'worker-test:fine', {});

    await until(async () => smtp.received.length === 1, 'the email');
    await until(
      async () =>
        (
          await t.db
            .selectFrom('jobs')
            .select('status')
            .where('name', '=', 'worker-test:fine')
            .executeTakeFirst()
        )?.status === 'done',
      'the job after the broken one',
    );
    const broken = await t.db
      .selectFrom('jobs')
      .selectAll()
      .where('name', '=', 'worker-test:breaks')
      .executeTakeFirst();
    assert.equal(broken?.last_error, 'broken handler');
    assert.equal(broken?.status, 'pending');
  } finally {
    await worker.stop();
    transport?.close();
    await smtp.close();
  }
  assert.match(worker.id, /^.+:\d+:[0-9a-f]{8}$/);
});

forEachDialect('stopping the worker waits for the job in hand to finish', async (t) => {
  await enqueueJob(t.db, t.clock, 'worker-test:slow', {});
  const worker = startWorker(t.services, { intervalMs: 20, transport: null });
  await until(async () => slowStarted, 'the slow job to start');
  await worker.stop();
  assert.equal(slowFinished, true);
  const job = await t.db.selectFrom('jobs').selectAll().executeTakeFirst();
  assert.equal(job?.status, 'done');
  slowStarted = false;
  slowFinished = false;
});
