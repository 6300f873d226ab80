// The import half of bench/annex-a, in a process of its own so that its peak memory is the
// import's alone. It loads only what an import needs, as `practice-hub import annex-a` does.
// Usage: node bench/annex-a-import.ts DB_FILE WORKBOOK AS_OF; prints one line of JSON.

import path from 'node:path';
import { importAnnexA } from '../src/performance/import/annex-a.ts';
import { systemActor } from '../src/platform/audit/audit.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { openDb } from '../src/platform/db/db.ts';

const [dbFile, workbook, asOf] = process.argv.slice(2) as [string, string, string];
const h = openDb({ kind: 'sqlite', file: dbFile });
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const cpu = process.cpuUsage();
const result = await importAnnexA(
  h.db,
  fixedClock(`${asOf}T09:00:00Z`),
  systemActor('bench'),
  { path: workbook, name: path.basename(workbook) },
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
    result: result.ok ? result.summary : result.errors.slice(0, 5),
  }),
);
