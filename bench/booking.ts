// 500 people press "Book" for a 12-place session, all at the same moment and then 20 at a time, over real
// HTTP with real sign-in sessions and form tokens. Prints how many were booked
// and waitlisted (never more than 12 booked), latency and throughput, and the
// same server's /health as a baseline measured in the same run.
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/app.ts';
import { insertCourse, insertSession } from '../src/learning/api.ts';
import { insertStaff } from '../src/people/api.ts';
import { createSession, tokenId } from '../src/platform/auth/sessions.ts';
import type { Dialect } from '../src/platform/db/db.ts';
import { cookieNames } from '../src/platform/http/session-hook.ts';
import { createTestDb } from '../src/testing/test-db.ts';
import { machine, median, ms, percentile } from './stats.ts';

const PEOPLE = 500;
const PLACES = 12;

async function run(dialect: Dialect, users: number | 'all') {
  const t = await createTestDb(dialect);
  try {
    const now = t.clock.now().toISOString();
    const people: { cookie: string; csrf: string }[] = [];
    await t.db.transaction().execute(async (trx) => {
      for (let i = 0; i < PEOPLE; i++) {
        const id = await insertStaff(trx, now, {
          staffNumber: `B${i}`,
          email: `bench${i}@calderbrook.example`,
          name: `Bench ${i}`,
          roles: ['practitioner'],
        });
        const token = await createSession(trx, t.clock, id, 60);
        const row = await trx
          .selectFrom('sessions')
          .select('csrf_token')
          .where('id', '=', tokenId(token))
          .executeTakeFirstOrThrow();
        people.push({ cookie: `${cookieNames(false).session}=${token}`, csrf: row.csrf_token });
      }
    });
    const courseId = await insertCourse(t.db, now, { title: 'Neglect and poverty-aware practice' });
    const sessionId = await insertSession(t.db, now, {
      courseId,
      capacity: PLACES,
      parts: [{ day: '2026-12-16', start: '10:00', end: null }],
    });
    const app = await createApp(t.services);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    try {
      const baseline: number[] = [];
      await Promise.all(
        Array.from({ length: 200 }, async () => {
          const s = performance.now();
          await (await fetch(`${base}/health`)).text();
          baseline.push(performance.now() - s);
        }),
      );
      const latencies: number[] = [];
      let failed = 0;
      const book = async (p: { cookie: string; csrf: string }) => {
        const s = performance.now();
        const res = await fetch(`${base}/learning/sessions/${sessionId}/book`, {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie: p.cookie, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ _csrf: p.csrf }).toString(),
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - s);
        if (res.status !== 303) failed++;
      };
      const started = performance.now();
      if (users === 'all') await Promise.all(people.map(book));
      else {
        // A closed loop: `users` people at a time, each pressing Book as soon as the last answer came.
        let next = 0;
        await Promise.all(
          Array.from({ length: users }, async () => {
            while (next < people.length) await book(people[next++]!);
          }),
        );
      }
      const elapsed = performance.now() - started;
      const counts = await t.db
        .selectFrom('lrn_bookings')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('session_id', '=', sessionId)
        .groupBy('status')
        .execute();
      const n = (s: string) => Number(counts.find((c) => c.status === s)?.n ?? 0);
      console.log(
        `${dialect.padEnd(8)} ${users === 'all' ? `all ${PEOPLE} at once` : `${users} at a time`.padEnd(15)}  booked ${n('booked')} (places ${PLACES})  waitlisted ${n('waitlisted')}  failed ${failed}  ` +
          `p50 ${ms(median(latencies))}  p95 ${ms(percentile(latencies, 95))}  max ${ms(Math.max(...latencies))}  ` +
          `throughput ${((PEOPLE / elapsed) * 1000).toFixed(0)} bookings/s  ` +
          `| baseline /health p50 ${ms(median(baseline))} p95 ${ms(percentile(baseline, 95))}` +
          `  (booking p95 / baseline p95 = ${(percentile(latencies, 95) / percentile(baseline, 95)).toFixed(1)})`,
      );
    } finally {
      await app.close();
    }
  } finally {
    await t.drop();
  }
}

console.log(
  `bench/booking — ${new Date().toISOString()} — ${machine()} — ${PEOPLE} booking requests, ${PLACES} places`,
);
// The issue's case: every request in flight at once, so the last waits for all
// before it (bookings for one session are serialised by the lock). Then the same
// 500 bookings from 20 people at a time, which shows the time one booking takes.
for (const users of ['all', 20] as const) {
  await run('sqlite', users);
  if (process.env.DATABASE_URL) await run('postgres', users);
}
if (!process.env.DATABASE_URL) console.log('postgres skipped (set DATABASE_URL to include it)');
