// bench/annex-a: an Annex A workbook of 10,000 children across lists 4–8, written by openpyxl
// (scripts/annex-a-fixtures/big.py; needs Debian's python3-openpyxl), imported into an authority
// of those children. Prints the import's time and peak RSS, first into an empty Annex A and then
// the same workbook again (every row checked, nothing changes). Goal: under 10 s and 300 MB.
// Figures only: it never fails.

import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedDemo } from '../src/demo/seed.ts';
import { demoSeeds } from '../src/features.ts';
import { seedChildren } from '../src/performance/demo/children.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { openDb } from '../src/platform/db/db.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { machine, ms } from './stats.ts';

const CHILDREN = Number(process.env.CHILDREN ?? 10_000);
const AS_OF = '2026-11-27';
const dir = mkdtempSync(path.join(tmpdir(), 'hub-bench-annex-a-'));
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

console.log(`bench/annex-a — ${new Date().toISOString()} — ${machine()} — SQLite`);

const workbook = path.join(dir, 'annex-a.xlsx');
// Debian's Python, where python3-openpyxl is installed (a python3 earlier on PATH may lack it).
const python = process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
const made = spawnSync(
  python,
  [path.join(import.meta.dirname, '../scripts/annex-a-fixtures/big.py'), String(CHILDREN), workbook],
  { stdio: 'inherit' },
);
if (made.status !== 0) {
  console.log('openpyxl could not write the workbook (apt-get install python3-openpyxl)');
  process.exit(0);
}
console.log(
  `workbook written by openpyxl: ${CHILDREN.toLocaleString('en-GB')} children, ${mb(statSync(workbook).size)}`,
);

const dbFile = path.join(dir, 'authority.sqlite');
const handle = openDb({ kind: 'sqlite', file: dbFile });
await migrateToLatest(handle);
const clock = fixedClock(`${AS_OF}T09:00:00Z`);
await seedDemo(handle.db, clock, demoSeeds(), { size: 'full', children: 0 });
await seedChildren(handle.db, clock, CHILDREN);
await handle.close();

async function importInChild() {
  const child = spawn(
    process.execPath,
    [path.join(import.meta.dirname, 'annex-a-import.ts'), dbFile, workbook, AS_OF],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  await once(child, 'exit');
  return JSON.parse(out) as { ms: number; cpuMs: number; rssBefore: number; maxRss: number; result: unknown };
}

for (const label of [
  'first import (check every row, then write)',
  'the same workbook again (nothing changes)',
]) {
  const r = await importInChild();
  console.log(
    `${label}: ${ms(r.ms)} (${ms(r.cpuMs)} of CPU), peak RSS ${mb(r.maxRss)} (${mb(r.rssBefore)} before the file was opened)`,
  );
  console.log(`  ${JSON.stringify(r.result)}`);
}
