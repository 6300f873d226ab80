// The bulletin at scale: an edition with 100 sessions and 20 articles, read by
// 20 concurrent signed-in readers (p95 against the same server's static
// stylesheet in the same run); then composing and queueing a personalised
// email for each of 3,000 staff (time and peak RSS); then the outbox
// delivering them to an SMTP server on loopback (messages per second).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createApp } from '../src/app.ts';
import { bulletinBench } from '../src/bulletin/api.ts';
import { insertCourse, insertSession } from '../src/learning/api.ts';
import { insertStaff } from '../src/people/api.ts';
import { systemActor } from '../src/platform/audit/audit.ts';
import { createSession } from '../src/platform/auth/sessions.ts';
import type { Dialect } from '../src/platform/db/db.ts';
import { cookieNames } from '../src/platform/http/session-hook.ts';
import { createMailTransport, sendDueMail } from '../src/platform/mail/sender.ts';
import { startSmtpServer } from '../src/platform/mail/smtp-test-server.ts';
import { createTestDb } from '../src/testing/test-db.ts';
import { loadPage, machine, median, ms, percentile, warmUp, warmUpRequests } from './stats.ts';

const STAFF = Number(process.env.BENCH_STAFF ?? 3000);
const TEAMS = 60;
const COURSES = 20;
const SESSIONS_PER_COURSE = 5;
const ARTICLES = 20;
const USERS = 20;
const REQUESTS = 1000;
const MONTH = '2026-12';

const load = (base: string, path: string, cookie: string) => loadPage(base, path, cookie, USERS, REQUESTS);

async function build(t: Awaited<ReturnType<typeof createTestDb>>) {
  const now = t.clock.now().toISOString();
  await t.db
    .insertInto('services')
    .values({ id: 'bench-service', name: 'Children’s Services', created_at: now })
    .execute();
  for (let i = 0; i < TEAMS; i++)
    await t.db
      .insertInto('teams')
      .values({ id: `team-${i}`, service_id: 'bench-service', name: `Team ${i}`, created_at: now })
      .execute();
  const people: string[] = [];
  await t.db.transaction().execute(async (trx) => {
    for (let p = 0; p < STAFF; p++)
      people.push(
        await insertStaff(trx, now, {
          staffNumber: `B${p}`,
          email: `p${p}@calderbrook.example`,
          name: `Person ${p}`,
          teamId: `team-${p % TEAMS}`,
          roles: p === 0 ? ['psw'] : p < TEAMS ? ['team-manager'] : ['practitioner'],
        }),
      );
    // Mandatory e-learning, completed by some and not others (and long ago by some), so readers'
    // "For you" differ as they do in an authority: what they still have to do or renew.
    for (let m = 0; m < 6; m++)
      await trx
        .insertInto('lrn_modules')
        .values({
          id: `module-${m}`,
          title: `Module ${m}`,
          renewal_months: m % 2 ? 12 : null,
          created_at: now,
        })
        .execute();
    const completions = [];
    for (let p = 0; p < people.length; p++)
      for (let m = 0; m < 6; m++)
        if ((p * 7 + m * 3) % 5 !== 0)
          completions.push({
            id: `done-${p}-${m}`,
            module_id: `module-${m}`,
            staff_id: people[p]!,
            completed_on: (p + m) % 4 ? '2026-06-01' : '2024-06-01',
            source: 'import' as const,
            created_at: now,
          });
    for (let i = 0; i < completions.length; i += 500)
      await trx
        .insertInto('lrn_completions')
        .values(completions.slice(i, i + 500))
        .execute();
    for (let c = 0; c < COURSES; c++) {
      const courseId = await insertCourse(trx, now, {
        title: `Course ${c}`,
        summary: 'A course',
        category: `Category ${c % 4}`,
        audience: c % 5 === 0 ? 'managers' : 'everyone',
        focus_month: c === 0 ? MONTH : null,
      });
      for (let s = 0; s < SESSIONS_PER_COURSE; s++) {
        const sessionId = await insertSession(trx, now, {
          courseId,
          capacity: 16,
          parts: [{ day: `${MONTH}-${String(3 + s * 5).padStart(2, '0')}`, start: '09:30', end: '12:00' }],
        });
        // The first course's first date is full, with 30 people waiting: each knows their place.
        if (c === 0 && s === 0)
          for (let p = 0; p < 46; p++)
            await trx
              .insertInto('lrn_bookings')
              .values({
                id: `booking-${p}`,
                session_id: sessionId,
                staff_id: people[100 + p]!,
                status: p < 16 ? 'booked' : 'waitlisted',
                queue_pos: p < 16 ? 0 : p - 15,
                offer_expires_at: null,
                sequence: p + 1,
                created_at: now,
                updated_at: now,
              })
              .execute();
      }
    }
  });
  return people;
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** Composes and queues the edition's emails in a process of its own (bench/bulletin-deliver.ts), as the job worker would. */
async function deliverInChild(config: unknown, editionId: string, now: string) {
  const child = spawn(
    process.execPath,
    // With the V8 setting the Hub runs with (bin/practice-hub, npm start).
    [
      '--max-semi-space-size=16',
      path.join(import.meta.dirname, 'bulletin-deliver.ts'),
      JSON.stringify(config),
      editionId,
      now,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`the delivering process ended with ${code}`);
  return JSON.parse(out) as { queued: number; ms: number; cpuMs: number; rssBefore: number; maxRss: number };
}

async function run(dialect: Dialect) {
  const t = await createTestDb(dialect);
  t.clock.set('2026-12-01T08:00:00.000Z');
  try {
    const people = await build(t);
    const psw = {
      id: people[0]!,
      name: 'Person 0',
      email: 'p0@calderbrook.example',
      roles: ['psw' as const],
      teamId: 'team-0',
      serviceId: 'bench-service',
    };
    const actor = systemActor('bench');
    const { createEdition, addArticleAsEditor, publishNow } = bulletinBench;
    const id = await createEdition(t.services, actor, psw, {
      month: MONTH,
      welcome: 'Welcome to the bench edition.',
      signOff: 'Bench',
    });
    for (let a = 0; a < ARTICLES; a++)
      await addArticleAsEditor(t.services, actor, psw, id, {
        kind: 'article',
        title: `Article ${a}`,
        body: `Paragraph one of article ${a}, with **bold** words and a [link](https://www.researchinpractice.org.uk/).\n\n- a point\n- another point\n\n${'More words about practice. '.repeat(40)}`,
        mustRead: a === 0,
      });
    await publishNow(t.services, actor, psw, id);
    console.log(
      `${dialect}: ${STAFF} staff in ${TEAMS} teams, ${COURSES * SESSIONS_PER_COURSE} sessions, ${ARTICLES} articles`,
    );

    const reader = `${cookieNames(false).session}=${await createSession(t.db, t.clock, people[100]!, 600)}`;
    const app = await createApp(t.services);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    try {
      const html = await (await fetch(`${base}/bulletin/${id}`, { headers: { cookie: reader } })).text();
      const css = /href="(\/assets\/[^"]+\.css)"/.exec(html)?.[1];
      if (!css) throw new Error('no stylesheet link on the edition');
      await warmUp(base, `/bulletin/${id}`, reader, USERS, REQUESTS);
      let baseline = 0;
      for (const [label, path] of [
        ['static stylesheet (baseline)', css],
        ['the edition (web, live places)', `/bulletin/${id}`],
      ] as const) {
        const times = await load(base, path, reader);
        const p95 = percentile(times, 95);
        if (!baseline) baseline = p95;
        console.log(
          `  ${label.padEnd(32)} median ${ms(median(times)).padStart(7)}  p95 ${ms(p95).padStart(7)}  (${(p95 / baseline).toFixed(1)}× baseline p95)`,
        );
      }
      // The floor on this machine: the same page's bytes from a bare node:http server that does
      // nothing else, to the same 20 readers. What the Hub adds is the difference.
      const bytes = Buffer.from(html);
      const bare = http.createServer((_req, res) => {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(bytes);
      });
      await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
      try {
        const bareBase = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
        await load(bareBase, '/', '');
        const times = await load(bareBase, '/', '');
        console.log(
          `  ${`its ${Math.round(bytes.length / 1024)} KB from bare node:http (floor)`.padEnd(32)} median ${ms(median(times)).padStart(7)}  p95 ${ms(percentile(times, 95)).padStart(7)}`,
        );
      } finally {
        bare.close();
      }
    } finally {
      await app.close();
    }

    const r = await deliverInChild(t.services.config, id, t.clock.now().toISOString());
    const queued = r.queued;
    const distinct = await t.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.count<number>(eb.fn('distinct', ['text_body'])).as('n'))
      .executeTakeFirstOrThrow();
    console.log(`  ${Number(distinct.n)} different messages among them (what is "for you" differs)`);
    console.log(
      `  composed and queued ${queued} personalised emails in ${ms(r.ms)} (${((queued / r.ms) * 1000).toFixed(0)} a second, ${ms(r.cpuMs)} of CPU), peak RSS ${mb(r.maxRss)} (${mb(r.rssBefore)} when the process had opened the database)`,
    );

    const smtp = await startSmtpServer();
    const transport = createMailTransport(smtp.url);
    try {
      const sendStart = performance.now();
      while (smtp.received.length < queued) {
        const r = await sendDueMail(t.services, transport, 'bench', { batchSize: 100 });
        if (r.claimed === 0) break;
      }
      const sendTook = performance.now() - sendStart;
      console.log(
        `  outbox delivered ${smtp.received.length} messages to loopback SMTP in ${ms(sendTook)}: ${((smtp.received.length / sendTook) * 1000).toFixed(0)} messages a second`,
      );
    } finally {
      transport?.close();
      await smtp.close();
    }
  } finally {
    await t.drop();
  }
}

// Each dialect in a process of its own, as each would be a server of its own: run one after the other
// in one process, PostgreSQL's readers were timed in a heap still sized by SQLite's 3,000 emails and
// their delivery (median 42–54 ms, against 30 ms in a fresh process on the same machine that hour).
const only = process.argv[2] as Dialect | undefined;
if (only) await run(only);
else {
  console.log(
    `bench/bulletin — ${new Date().toISOString()} — ${machine()} — ${USERS} concurrent readers, ${REQUESTS} requests per page after ${warmUpRequests(REQUESTS)} untimed`,
  );
  for (const dialect of ['sqlite', 'postgres'] as const) {
    if (dialect === 'postgres' && !process.env.DATABASE_URL) {
      console.log('postgres skipped (set DATABASE_URL to include it)');
      continue;
    }
    const child = spawn(process.execPath, [...process.execArgv, import.meta.filename, dialect], {
      stdio: 'inherit',
    });
    const [code] = await once(child, 'exit');
    if (code !== 0) throw new Error(`the ${dialect} run ended with ${code}`);
  }
}
