// The complaints reports page replays every complaint's events through the
// pure state machine on each request. How long does that take for a large
// authority's complaints, against a plain page in the same run?

import { createApp } from '../src/app.ts';
import { insertDemoComplaint, REGULATION_DAYS, seedContext } from '../src/complaints/api.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { demoSeeds } from '../src/features.ts';
import { addCalendarDays } from '../src/platform/calendar/days.ts';
import { Browser, personaFor } from '../src/testing/test-app.ts';
import { createTestDb } from '../src/testing/test-db.ts';
import { machine, median, ms, percentile } from './stats.ts';

const SIZES = [500, 3000];
const RUNS = 15;

async function timed(b: Browser, url: string, runs: number) {
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const t0 = performance.now();
    const res = await b.get(url);
    if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
    if (i >= 2) times.push(performance.now() - t0); // two warm-up requests
  }
  return times;
}

console.log(`bench/complaints-reports — ${new Date().toISOString()} — ${machine()}`);
for (const size of SIZES) {
  const t = await createTestDb('sqlite');
  await seedDemo(t.db, t.clock, demoSeeds(), { size: 'full' });
  await t.db.transaction().execute(async (trx) => {
    const ctx = await seedContext(trx, t.clock);
    for (let i = 0; i < size; i++) {
      const receivedOn = REGULATION_DAYS.nextWorkingDay(addCalendarDays(ctx.today, -(30 + (i % 330))));
      const respondedOn = REGULATION_DAYS.addWorkingDays(receivedOn, 4 + (i % 9));
      await insertDemoComplaint(ctx, {
        receivedOn,
        receivedHow: 'email',
        complainant: `Bench ${i}`,
        relationship: 'mother',
        advocateOffered: true,
        child: `Child ${i}`,
        team: 'Front Door',
        workerIds: [],
        summary: 'Benchmark complaint',
        elements: [
          { summary: 'One', theme: 'delay' },
          { summary: 'Two', theme: 'communication' },
        ],
        officerId: null,
        events: (ids) => [
          ...ids.map((id) => ({
            type: 'finding' as const,
            on: respondedOn,
            elementId: id,
            outcome: 'upheld' as const,
            finding: 'f',
          })),
          { type: 'responded' as const, on: respondedOn },
          ...(i % 4 === 0
            ? [{ type: 'escalated' as const, on: REGULATION_DAYS.addWorkingDays(respondedOn, 3) }]
            : []),
        ],
      });
    }
  });
  const app = await createApp(t.services);
  await app.ready();
  const b = new Browser(app);
  await b.signIn(personaFor('complaints-officer').email);
  const total = (await t.db.selectFrom('complaints').select('id').execute()).length;
  const baseline = await timed(b, '/accessibility', RUNS);
  const list = await timed(b, '/complaints', RUNS);
  const reports = await timed(b, '/complaints/reports', RUNS);
  const line = (label: string, xs: number[]) =>
    console.log(
      `${String(total).padStart(5)} complaints  ${label.padEnd(28)} median ${ms(median(xs)).padStart(7)}  p95 ${ms(percentile(xs, 95)).padStart(7)}  ×${(median(xs) / median(baseline)).toFixed(1)} of the plain page`,
    );
  line('plain page (/accessibility)', baseline);
  line('complaints list', list);
  line('reports (replays all)', reports);
  await app.close();
  await t.drop();
}
