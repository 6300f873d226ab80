// The learning catalogue with 500 courses and 5,000 sessions: p95 at 20
// concurrent users for the catalogue, a search, a course page and the month
// calendar, against the same server's static stylesheet in the same run.
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/app.ts';
import { insertCourse, insertSession } from '../src/learning/api.ts';
import { insertStaff } from '../src/people/api.ts';
import { createSession } from '../src/platform/auth/sessions.ts';
import { addCalendarDays } from '../src/platform/calendar/days.ts';
import type { Dialect } from '../src/platform/db/db.ts';
import { cookieNames } from '../src/platform/http/session-hook.ts';
import { createTestDb } from '../src/testing/test-db.ts';
import { loadPage, machine, median, ms, percentile } from './stats.ts';

const COURSES = 500;
const SESSIONS = 5_000;
const USERS = 20;
const REQUESTS = 600;
const CATEGORIES = [
  'Practice focus',
  'Refresher',
  'Court skills',
  'Early Help',
  'Research in Practice',
  'Managers',
];

const load = (base: string, path: string, cookie: string) => loadPage(base, path, cookie, USERS, REQUESTS);

async function run(dialect: Dialect) {
  const t = await createTestDb(dialect);
  try {
    const now = t.clock.now().toISOString();
    let courseId = '';
    let sessionId = '';
    const built = performance.now();
    await t.db.transaction().execute(async (trx) => {
      for (let c = 0; c < COURSES; c++) {
        courseId = await insertCourse(trx, now, {
          title: `Course ${String(c).padStart(3, '0')} on practice`,
          summary: 'A course for the benchmark.',
          category: CATEGORIES[c % CATEGORIES.length]!,
        });
        for (let s = 0; s < SESSIONS / COURSES; s++)
          sessionId = await insertSession(trx, now, {
            courseId,
            capacity: 12,
            parts: [
              { day: addCalendarDays('2026-11-02', (c * 7 + s * 11) % 120), start: '09:30', end: '12:00' },
            ],
          });
      }
    });
    const staffId = await insertStaff(t.db, now, {
      staffNumber: 'P1',
      email: 'bench@calderbrook.example',
      name: 'Bench',
      roles: ['practitioner'],
    });
    const cookie = `${cookieNames(false).session}=${await createSession(t.db, t.clock, staffId, 600)}`;
    const app = await createApp(t.services);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    try {
      const html = await (await fetch(`${base}/learning`, { headers: { cookie } })).text();
      const css = /href="(\/assets\/[^"]+\.css)"/.exec(html)?.[1];
      if (!css) throw new Error('no stylesheet link on the catalogue');
      console.log(
        `${dialect}: ${COURSES} courses, ${SESSIONS} sessions built in ${ms(performance.now() - built)}`,
      );
      const pages: [string, string][] = [
        ['static stylesheet (baseline)', css],
        ['catalogue, first page', '/learning'],
        ['catalogue, search and filter', '/learning?q=course+4&category=Refresher'],
        ['catalogue, page 10', '/learning?page=10'],
        ['course page (10 sessions)', `/learning/courses/${courseId}`],
        ['session page', `/learning/sessions/${sessionId}`],
        ['month calendar', '/learning/calendar?year=2026&month=12'],
      ];
      await load(base, '/learning', cookie); // warm up
      let baseline = 0;
      for (const [label, path] of pages) {
        const times = await load(base, path, cookie);
        const p95 = percentile(times, 95);
        if (!baseline) baseline = p95;
        console.log(
          `  ${label.padEnd(32)} median ${ms(median(times)).padStart(7)}  p95 ${ms(p95).padStart(7)}  (${(p95 / baseline).toFixed(1)}× baseline p95)`,
        );
      }
    } finally {
      await app.close();
    }
  } finally {
    await t.drop();
  }
}

console.log(
  `bench/pages-catalogue — ${new Date().toISOString()} — ${machine()} — ${USERS} concurrent users, ${REQUESTS} requests per page`,
);
await run('sqlite');
if (process.env.DATABASE_URL) await run('postgres');
else console.log('postgres skipped (set DATABASE_URL to include it)');
