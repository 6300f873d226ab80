import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dropRunDatabases } from '../src/testing/templates.ts';

/**
 * node:test's global setup for every npm test script: a folder for this run's
 * template databases (see src/testing/templates.ts), handed to each
 * test process through HUB_TEST_RUN, and removed with this run's PostgreSQL
 * databases when the run ends.
 */
export function globalSetup() {
  process.env.HUB_TEST_RUN = mkdtempSync(path.join(tmpdir(), 'hub-test-run-'));
}

export async function globalTeardown() {
  const dir = process.env.HUB_TEST_RUN;
  try {
    await dropRunDatabases();
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
