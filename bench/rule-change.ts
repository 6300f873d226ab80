// Changing a timescale on the full demo (6,000 children): how long the save takes, given that it
// works out every child's statuses again in the same request (docs/performance-rules.md).
// Prints: medians and p95 of the save (settings, history, audit, recompute) and, as the same-run
// baseline, of refreshStatuses alone (what the nightly job does), and their ratio.
// Run: npm run bench:rule-change (RUNS=9 by default).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedDemo } from '../src/demo/api.ts';
import { demoSeeds } from '../src/features.ts';
import { refreshStatuses } from '../src/performance/api.ts';
import { withOverrides } from '../src/performance/rules/settings.rules.ts';
import { changeSettings } from '../src/performance/settings.service.ts';
import { systemActor } from '../src/platform/audit/audit.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { openDb } from '../src/platform/db/db.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { machine, median, ms, percentile } from './stats.ts';

const RUNS = Number(process.env.RUNS ?? 9);
const AS_OF = '2026-11-27';
const clock = fixedClock(`${AS_OF}T09:00:00Z`);
const dir = mkdtempSync(path.join(tmpdir(), 'hub-bench-rule-change-'));
const handle = openDb({ kind: 'sqlite', file: path.join(dir, 'demo.sqlite') });
await migrateToLatest(handle);
await seedDemo(handle.db, clock, demoSeeds(), { size: 'full' });
const db = handle.db;
const children = (await db.selectFrom('children').select('id').execute()).length;

const save: number[] = [];
const baseline: number[] = [];
for (let i = 0; i < RUNS; i++) {
  let t = performance.now();
  await refreshStatuses(db, AS_OF);
  baseline.push(performance.now() - t);
  t = performance.now();
  const next = withOverrides({ 'cin-visits': { workingDays: i % 2 === 0 ? 15 : 20 } });
  await changeSettings(db, clock, systemActor('bench'), next, `run ${i}`);
  save.push(performance.now() - t);
}

const line = (label: string, times: number[]) =>
  console.log(
    `${label.padEnd(52)} median ${ms(median(times)).padStart(8)}  p95 ${ms(percentile(times, 95)).padStart(8)}`,
  );
console.log(`machine: ${machine()}; ${children.toLocaleString('en-GB')} children (full demo), ${RUNS} runs`);
line('save a changed timescale (incl. recompute)', save);
line('baseline: refreshStatuses alone', baseline);
console.log(`ratio (medians): save / refresh ${(median(save) / median(baseline)).toFixed(2)}×`);
console.log('Goal: a save answers within about 3 s on the full demo, so it can recompute in the request.');
await handle.close();
rmSync(dir, { recursive: true, force: true });
