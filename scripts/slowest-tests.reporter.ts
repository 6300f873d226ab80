import path from 'node:path';
import type { TestEvent } from 'node:test/reporters';

/**
 * A node:test reporter, used beside `spec`, that prints the ten slowest tests
 * (and the five slowest files) when the run ends, so a slow test is seen the
 * day it arrives. Suites (describe blocks) are left out: their time is their
 * tests' time.
 */
export default async function* slowestTests(source: AsyncIterable<TestEvent>): AsyncGenerator<string> {
  const tests: { name: string; file: string; ms: number }[] = [];
  const files = new Map<string, number>();
  const started = performance.now();
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const data = event.data;
    const file = data.file ? path.relative(process.cwd(), data.file) : '';
    const ms = data.details.duration_ms;
    // A file's time is the time of its top-level tests and suites (hooks included).
    if (data.nesting === 0) files.set(file, (files.get(file) ?? 0) + ms);
    if (data.details.type === 'suite') continue;
    tests.push({ name: data.name, file, ms });
  }
  const wall = performance.now() - started;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1).padStart(6)} s`;
  const lines = ['', `ten slowest tests (of ${tests.length}; the run took ${(wall / 1000).toFixed(1)} s):`];
  for (const t of tests.sort((a, b) => b.ms - a.ms).slice(0, 10)) {
    lines.push(`  ${seconds(t.ms)}  ${t.name}  (${t.file})`);
  }
  lines.push('five slowest files (time in their tests and hooks):');
  for (const [file, ms] of [...files].sort((a, b) => b[1] - a[1]).slice(0, 5)) {
    lines.push(`  ${seconds(ms)}  ${file}`);
  }
  yield `${lines.join('\n')}\n`;
}
