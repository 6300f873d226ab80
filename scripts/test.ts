import { spawnSync } from 'node:child_process';
import { globSync } from 'node:fs';
import os from 'node:os';

/**
 * The test runner behind `npm test` and its siblings: picks the files, runs
 * them with node:test (spec output, then the ten slowest tests), and prints
 * how long the run took.
 *
 *   npm test                  everything: unit, rules, repositories and routes on SQLite (and on
 *                             PostgreSQL when DATABASE_URL is set), the CLI and process tests, and
 *                             the browser journeys and accessibility crawl in Chromium
 *   npm run test:fast         the loop while coding: unit, rule, repository and route tests, SQLite only
 *   npm run test:unit         every test under src/ (both dialects when DATABASE_URL is set)
 *   npm run test:e2e          the browser tests only
 *   npm test -- FILE…         just those files, with the same setup and report
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

const suites: Record<string, () => string[]> = {
  // The browser tests first: the accessibility crawl is the longest file, and the shorter ones fill in around it.
  all: () => [...files('e2e/**/*.test.ts'), ...files('src/**/*.test.ts')],
  fast: () => files('src/**/*.test.ts').filter((f) => !SLOW.includes(f)),
  unit: () => files('src/**/*.test.ts'),
  e2e: () => files('e2e/**/*.test.ts'),
};

function files(pattern: string) {
  return globSync(pattern).sort();
}

const [first, ...rest] = process.argv.slice(2);
const named = first && first in suites;
const suite = named ? first : 'all';
const chosen = named ? rest : process.argv.slice(2);
const testFiles = chosen.length ? chosen : suites[suite]!();

const env = { ...process.env };
// The fast loop is SQLite only, whatever the shell has set.
if (suite === 'fast') delete env.DATABASE_URL;

const args = [
  '--test',
  '--test-global-setup=scripts/test-run.setup.ts',
  `--test-concurrency=${Math.max(2, os.availableParallelism())}`,
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=./scripts/slowest-tests.reporter.ts',
  '--test-reporter-destination=stdout',
  ...testFiles,
];

const started = Date.now();
const run = spawnSync(process.execPath, args, { stdio: 'inherit', env });
const seconds = Math.round((Date.now() - started) / 1000);
const dialects = env.DATABASE_URL ? 'SQLite and PostgreSQL' : 'SQLite';
process.stdout.write(
  `\nnpm ${suite === 'all' ? 'test' : `run test:${suite}`}: ${testFiles.length} files on ${dialects} in ${Math.floor(seconds / 60)} min ${seconds % 60} s\n`,
);
process.exit(run.status ?? 1);
