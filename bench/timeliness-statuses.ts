// The step `practice-hub import` runs after an import: every child's statuses worked out again
// and stored. In a process of its own, so its peak memory is this step's alone.
// Usage: node bench/timeliness-statuses.ts DB_FILE AS_OF; prints one line of JSON.

import { refreshStatuses } from '../src/performance/api.ts';
import { openDb } from '../src/platform/db/db.ts';

const [dbFile, asOf] = process.argv.slice(2) as [string, string];
const h = openDb({ kind: 'sqlite', file: dbFile });
const started = performance.now();
const result = await refreshStatuses(h.db, asOf);
const took = performance.now() - started;
await h.close();
process.stdout.write(JSON.stringify({ ms: took, maxRss: process.resourceUsage().maxRSS * 1024, result }));
