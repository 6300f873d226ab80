// The import half of bench/timeliness, run in a process of its own so that its peak memory is
// the import's alone. It loads only what an import needs (as `practice-hub import` does), not the
// demo generator, the oracle and the engine that the rest of the benchmark uses.
// Usage: node bench/timeliness-import.ts DB_FILE CSV_FILE AS_OF; prints one line of JSON.

import path from 'node:path';
import { kindSpec } from '../src/performance/import/kinds.ts';
import { importFile } from '../src/performance/import/run.ts';
import { systemActor } from '../src/platform/audit/audit.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { openDb } from '../src/platform/db/db.ts';

const [dbFile, csv, asOf] = process.argv.slice(2) as [string, string, string];
const h = openDb({ kind: 'sqlite', file: dbFile });
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const cpu = process.cpuUsage();
const result = await importFile(
  h.db,
  fixedClock(`${asOf}T09:00:00Z`),
  systemActor('bench'),
  kindSpec('visits')!,
  { path: csv, name: path.basename(csv) },
  asOf,
);
const took = performance.now() - started;
const { user, system } = process.cpuUsage(cpu);
await h.close();
process.stdout.write(
  JSON.stringify({
    ms: took,
    cpuMs: (user + system) / 1000,
    rssBefore,
    maxRss: process.resourceUsage().maxRSS * 1024,
    result,
  }),
);
