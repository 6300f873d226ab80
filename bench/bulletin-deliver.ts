// The composing half of bench/bulletin, in a process of its own so that its peak memory is the
// send's alone, as the Hub's job worker runs it: it opens the database and composes and queues
// every reader's email of a published edition.
// Usage: node bench/bulletin-deliver.ts CONFIG_JSON EDITION_ID NOW_ISO; prints one line of JSON.
import { bulletinBench } from '../src/bulletin/api.ts';
// The features' policy actions, as the worker has them (who may see managers' courses).
import '../src/features.ts';
import type { Config } from '../src/config.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { openDb } from '../src/platform/db/db.ts';

const [configJson, editionId, now] = process.argv.slice(2) as [string, string, string];
const config = JSON.parse(configJson) as Config;
const h = openDb(config.database);
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const cpu = process.cpuUsage();
const peaks = { heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0, rss: 0 };
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  for (const k of Object.keys(peaks) as (keyof typeof peaks)[]) peaks[k] = Math.max(peaks[k], m[k]);
}, 10);
const queued = await bulletinBench.deliverEdition({ db: h.db, clock: fixedClock(now), config }, editionId);
const took = performance.now() - started;
clearInterval(sampler);
if (process.env.BENCH_MEMORY)
  process.stderr.write(
    `${JSON.stringify(Object.fromEntries(Object.entries(peaks).map(([k, v]) => [k, Math.round(v / 2 ** 20)])))}\n`,
  );
const { user, system } = process.cpuUsage(cpu);
await h.close();
process.stdout.write(
  JSON.stringify({
    queued,
    ms: took,
    cpuMs: (user + system) / 1000,
    rssBefore,
    maxRss: process.resourceUsage().maxRSS * 1024,
  }),
);
