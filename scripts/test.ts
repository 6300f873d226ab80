import { spawn } from 'node:child_process';
import { existsSync, globSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { failuresReport, slowestReport, type TestTime } from './slowest-tests.reporter.ts';
import { globalSetup, globalTeardown } from './test-run.setup.ts';

/**
 * The test runner behind `npm test` and its siblings: picks the files, runs
 * them with node:test in lanes side by side, and ends with the ten slowest
 * tests and how long the run took.
 *
 *   npm test                  everything: unit, rules, repositories and routes on SQLite (and on
 *                             PostgreSQL when DATABASE_URL is set), the CLI and process tests, and
 *                             the browser journeys and accessibility crawl in Chromium
 *   npm run test:fast         the loop while coding: unit, rule, repository and route tests, SQLite only
 *   npm run test:unit         every test under src/ (both dialects when DATABASE_URL is set)
 *   npm run test:e2e          the browser tests only
 *   npm test -- FILE…         just those files, with the same setup and report
 *
 * Lanes. The tests under src/ run in a few long-lived processes ("shards",
 * node:test's --test-isolation=none), each running its share of the files one
 * after another, instead of one new process per file: a new process spends
 * about a second loading the app (stripping the types from a few hundred
 * files, compiling the libraries) before its first test, which over 120 files
 * was most of the suite's CPU time. The browser tests keep a process per file
 * (each starts a hub and a browser of its own) in a lane of their own, the
 * accessibility crawl first. All lanes run at once; each line they print is
 * prefixed with its lane.
 */

/**
 * Tests left out of test:fast: each starts real processes or a real server on
 * the full demo, and takes seconds where the rest take milliseconds. npm test
 * runs them.
 */
const SLOW = [
  'src/main.test.ts', // the CLI, one Node process per command
  'src/server.test.ts', // real servers, seeding the full demo authority
  'src/learning/booking.processes.test.ts', // three app processes booking at once on one file
];

/**
 * Tests that run in a process of their own, in the browser lane, rather than in a shard: they start
 * servers, workers and processes that register process-wide things (job handlers, listeners), or
 * cut and terminate database connections, which other tests sharing a process must never see.
 */
const CONNECTION_LOSS = 'src/platform/db/connection-loss.test.ts';
const OWN_PROCESS = [...SLOW, CONNECTION_LOSS];

/** Tests of PostgreSQL alone: the fast loop is SQLite only, so there they could only be skipped. */
const POSTGRES_ONLY = [CONNECTION_LOSS, 'src/platform/db/postgres-storage.test.ts'];

const files = (pattern: string) => globSync(pattern).sort();
const srcFiles = () => files('src/**/*.test.ts');
// The accessibility crawl first: it is the longest file, and the shorter ones fill in beside it.
const e2eFiles = () => files('e2e/**/*.test.ts').sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
const rank = (f: string) => (f.includes('accessibility') ? 0 : 1);

const suites: Record<string, () => string[]> = {
  all: () => [...e2eFiles(), ...srcFiles()],
  fast: () => srcFiles().filter((f) => !SLOW.includes(f) && !POSTGRES_ONLY.includes(f)),
  unit: srcFiles,
  e2e: e2eFiles,
};

const [first, ...rest] = process.argv.slice(2);
const named = first !== undefined && first in suites;
const suite = named ? first : 'all';
const chosen = named ? rest : process.argv.slice(2);
const testFiles = chosen.length ? chosen : suites[suite]!();

const env: NodeJS.ProcessEnv = { ...process.env };
// The fast loop is SQLite only, whatever the shell has set.
if (suite === 'fast') delete env.DATABASE_URL;
// Browser tests start processes of their own (the hub, the CLI): Node's compile cache lets them
// reuse the stripped source and compiled code of every process before them.
env.NODE_COMPILE_CACHE ??= path.resolve('node_modules/.cache/node-compile-cache');

/** Each file's time in the last run on this machine, to share the files out evenly between shards. */
const TIMES = 'node_modules/.cache/hub-test-times.json';
const lastTimes: Record<string, number> = existsSync(TIMES) ? JSON.parse(readFileSync(TIMES, 'utf8')) : {};

/** How many src shards run beside the browser lane. Two cores: two shards, as the tests wait on the database half the time. */
const SHARDS = Math.max(2, os.availableParallelism());

/**
 * The files shared between n shards, longest first into the shard with least so far (files not
 * timed yet count as a second each), so the shards end at about the same time.
 */
function shard(list: string[], n: number): string[][] {
  const shards = Array.from({ length: Math.min(n, list.length) }, () => ({ files: [] as string[], ms: 0 }));
  const time = (f: string) => lastTimes[f] ?? 1000;
  for (const f of [...list].sort((a, b) => time(b) - time(a))) {
    const least = shards.reduce((a, b) => (b.ms < a.ms ? b : a));
    least.files.push(f);
    least.ms += time(f);
  }
  return shards.map((s) => s.files.sort());
}

interface Lane {
  name: string;
  args: string[];
  files: string[];
}

const ownProcess = (f: string) => f.startsWith('e2e/') || OWN_PROCESS.includes(f);
const browserFiles = testFiles.filter(ownProcess);
const otherFiles = testFiles.filter((f) => !ownProcess(f));
const lanes: Lane[] = [];
if (browserFiles.length) {
  // One process per file, three at a time: the crawl beside two of the journeys and process tests.
  // With two, this lane ended a minute after the shards (293 s against 230 s in CI on 3 December);
  // with three all lanes end together (4 min 41 s → 4 min 26 s for the whole run on both dialects).
  lanes.push({ name: 'browser', args: ['--test-concurrency=3'], files: browserFiles });
}
for (const [i, list] of shard(otherFiles, SHARDS).entries()) {
  lanes.push({ name: `shard ${i + 1}`, args: ['--test-isolation=none'], files: list });
}

globalSetup();
const runDir = process.env.HUB_TEST_RUN!;
env.HUB_TEST_RUN = runDir;
const width = Math.max(...lanes.map((l) => l.name.length));

function runLane(lane: Lane, index: number): Promise<{ code: number; times: TestTime[] }> {
  const timesFile = path.join(runDir, `times-${index}.json`);
  const args = [
    '--test',
    // A test that fails before closing its server would otherwise keep its lane open for ever.
    '--test-force-exit',
    ...lane.args,
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/slowest-tests.reporter.ts',
    `--test-reporter-destination=${timesFile}`,
    ...lane.files,
  ];
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = `${lane.name.padEnd(width)} │ `;
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${prefix}${line}\n`));
  }
  return new Promise((resolve) =>
    child.on('close', (code) => {
      const times: TestTime[] = existsSync(timesFile)
        ? JSON.parse(readFileSync(timesFile, 'utf8') || '[]')
        : [];
      resolve({ code: code ?? 1, times });
    }),
  );
}

const started = Date.now();
for (const lane of lanes) process.stdout.write(`${lane.name}: ${lane.files.length} files\n`);
const results = await Promise.all(lanes.map(runLane));
await globalTeardown();
const seconds = Math.round((Date.now() - started) / 1000);

const times = results.flatMap((r) => r.times);
process.stdout.write(slowestReport(times, Date.now() - started));
process.stdout.write(failuresReport(times));
const fileTimes = { ...lastTimes };
for (const t of times) if (t.topLevel) fileTimes[t.file] = 0;
for (const t of times) if (t.topLevel) fileTimes[t.file] = (fileTimes[t.file] ?? 0) + t.ms;
mkdirSync(path.dirname(TIMES), { recursive: true });
writeFileSync(TIMES, JSON.stringify(fileTimes, null, 1));

const failed = results.filter((r) => r.code !== 0).length;
const dialects = env.DATABASE_URL ? 'SQLite and PostgreSQL' : 'SQLite';
process.stdout.write(
  `\nnpm ${suite === 'all' ? 'test' : `run test:${suite}`}: ${testFiles.length} files in ${lanes.length} lanes on ${dialects} in ${Math.floor(seconds / 60)} min ${seconds % 60} s` +
    (failed ? ` — ${failed} lane(s) failed: their failing tests are listed above\n` : '\n'),
);
process.exit(failed ? 1 : 0);
