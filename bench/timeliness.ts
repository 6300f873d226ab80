// bench/timeliness: a synthetic authority of 10,000 children with two years of activity.
// Prints: import time and peak memory for 500,000 and 1,000,000 visit rows from CSV; the time
// just to read the rows; the engine's time for every child as of a day; the plain-SQL oracle's
// time on the same data; and the ratios. Figures only: it never fails.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedDemo } from '../src/demo/seed.ts';
import { demoSeeds } from '../src/features.ts';
import { seedChildren } from '../src/performance/demo/children.ts';
import { EPISODE_TABLES, loadEpisodes } from '../src/performance/episodes.repo.ts';
import { fillCalendarTable } from '../src/performance/oracle/calendar-table.ts';
import { oracleStatuses } from '../src/performance/oracle/oracle.ts';
import { evaluateChild } from '../src/performance/rules/engine.rules.ts';
import { DEFAULT_SETTINGS } from '../src/performance/rules/settings.rules.ts';
import { loadWorkingCalendar } from '../src/platform/calendar/closure-days.repo.ts';
import { addCalendarDays } from '../src/platform/calendar/days.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { openDb } from '../src/platform/db/db.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { machine, median, ms, percentile } from './stats.ts';

const CHILDREN = Number(process.env.CHILDREN ?? 10_000);
const AS_OF = '2026-11-27';
const RUNS = Number(process.env.RUNS ?? 5);
const clock = fixedClock(`${AS_OF}T09:00:00Z`);
const dir = mkdtempSync(path.join(tmpdir(), 'hub-bench-timeliness-'));
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

async function timed(runs: number, fn: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times;
}

const line = (label: string, times: number[]) =>
  console.log(
    `${label.padEnd(58)} median ${ms(median(times)).padStart(9)}  p95 ${ms(percentile(times, 95)).padStart(9)}`,
  );

/** A CSV of n visits over the two years before AS_OF, spread across the children. */
async function writeVisits(file: string, n: number, children: string[], prefix: string) {
  const out = createWriteStream(file);
  out.write('visit_id,child_id,date,kind,seen,seen_alone\n');
  const kinds = ['cin', 'cp', 'lac'];
  let seed = 12345;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  for (let i = 0; i < n; i++) {
    const day = addCalendarDays(AS_OF, -Math.floor(rnd() * 730));
    const row = `${prefix}${i},${children[i % children.length]},${day},${kinds[i % 3]},${rnd() < 0.97 ? 'yes' : 'no'},${rnd() < 0.5 ? 'yes' : 'no'}\n`;
    if (!out.write(row)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function freshAuthority(name: string) {
  const handle = openDb({ kind: 'sqlite', file: path.join(dir, `${name}.sqlite`) });
  await migrateToLatest(handle);
  await seedDemo(handle.db, clock, demoSeeds(), { size: 'full', children: 0 });
  await seedChildren(handle.db, clock, CHILDREN);
  const ids = (await handle.db.selectFrom('children').select('local_id').execute()).map((c) => c.local_id);
  return { handle, ids };
}

/**
 * Imports a visits file in a process of its own (bench/timeliness-import.ts, which loads only
 * what an import needs), so its peak memory is the import's alone.
 */
async function inChild<T>(script: string, args: string[]): Promise<T> {
  const child = spawn(process.execPath, [path.join(import.meta.dirname, script), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  await once(child, 'exit');
  return JSON.parse(out) as T;
}

const importInChild = (dbFile: string, csv: string) =>
  inChild<{ ms: number; rssBefore: number; maxRss: number; result: Record<string, unknown> }>(
    'timeliness-import.ts',
    [dbFile, csv, AS_OF],
  );

console.log(`bench/timeliness — ${new Date().toISOString()} — ${machine()} — SQLite`);

// 1. Importing 1,000,000 visit rows into an authority of CHILDREN children, in a process of its own.
{
  const { handle, ids } = await freshAuthority('import-1m');
  await handle.close();
  const file = path.join(dir, 'visits-1m.csv');
  await writeVisits(file, 1_000_000, ids, 'M');
  const dbFile = path.join(dir, 'import-1m.sqlite');
  const first = await importInChild(dbFile, file);
  console.log(
    `import 1,000,000 visit rows from CSV (check every row, then write): ${ms(first.ms)}, peak RSS ${mb(first.maxRss)} (${mb(first.rssBefore)} before the file was opened) — ${JSON.stringify(first.result)}`,
  );
  const statuses = await inChild<{ ms: number; maxRss: number; result: Record<string, unknown> }>(
    'timeliness-statuses.ts',
    [dbFile, AS_OF],
  );
  console.log(
    `then every child's statuses worked out and stored (as the CLI does): ${ms(statuses.ms)}, peak RSS ${mb(statuses.maxRss)} — ${JSON.stringify(statuses.result)}`,
  );
  const again = await importInChild(dbFile, file);
  console.log(
    `the same file again (checked, nothing changes):                    ${ms(again.ms)}, peak RSS ${mb(again.maxRss)} — ${JSON.stringify(again.result)}`,
  );
}

// 2. An authority with about 500,000 visits: read, engine, oracle.
let { handle, ids } = await freshAuthority('authority');
{
  const file = path.join(dir, 'visits-500k.csv');
  const existing = (
    await handle.db
      .selectFrom('child_visits')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;
  await writeVisits(file, 500_000 - Number(existing), ids, 'H');
  await handle.close();
  const r = await importInChild(path.join(dir, 'authority.sqlite'), file);
  console.log(
    `import ${(500_000 - Number(existing)).toLocaleString('en-GB')} more visit rows (to about 500,000): ${ms(r.ms)}, peak RSS ${mb(r.maxRss)} (${mb(r.rssBefore)} before the file was opened)`,
  );
}
handle = openDb({ kind: 'sqlite', file: path.join(dir, 'authority.sqlite') });
const db = handle.db;
const counts = await Promise.all(
  EPISODE_TABLES.map(
    async (t) =>
      [
        t,
        Number(
          (
            await db
              .selectFrom(t)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      ] as const,
  ),
);
console.log(
  `data: ${CHILDREN.toLocaleString('en-GB')} children; ${counts.map(([t, n]) => `${t.replace('child_', '')} ${n.toLocaleString('en-GB')}`).join(', ')}`,
);

const cal = await loadWorkingCalendar(db);
await fillCalendarTable(db, cal, '2019-01-01', '2028-12-31');

const plainRead = await timed(RUNS, async () => {
  let n = 0;
  for (const t of EPISODE_TABLES) n += (await db.selectFrom(t).selectAll().execute()).length;
  return n;
});
const readEpisodes = await timed(RUNS, () => loadEpisodes(db));
const episodes = await loadEpisodes(db);
const computeOnly = await timed(RUNS, async () => {
  let n = 0;
  for (const e of episodes.values()) n += evaluateChild(e, cal, AS_OF).length;
  return n;
});
const engine = await timed(RUNS, async () => {
  const all = await loadEpisodes(db);
  for (const e of all.values()) evaluateChild(e, cal, AS_OF);
});
const oracle = await timed(RUNS, () => oracleStatuses(db, AS_OF, DEFAULT_SETTINGS));

line('plain read of every episode row (select *)', plainRead);
line('read into per-child episodes (loadEpisodes)', readEpisodes);
line('engine compute only, every child as of a day', computeOnly);
line('engine end to end (read + compute)', engine);
line('SQL oracle, every child as of a day', oracle);
console.log(
  `ratios (medians): engine / plain read ${(median(engine) / median(plainRead)).toFixed(2)}×; engine / SQL oracle ${(median(engine) / median(oracle)).toFixed(2)}×; compute alone / plain read ${(median(computeOnly) / median(plainRead)).toFixed(2)}×`,
);
console.log(
  'Goals: engine at least as fast as the SQL oracle and within 3× of the plain read; 1,000,000 rows imported in under 15 s and 300 MB.',
);
await handle.close();
rmSync(dir, { recursive: true, force: true });
