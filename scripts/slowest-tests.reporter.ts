import path from 'node:path';
import type { TestEvent } from 'node:test/reporters';

/** One test's (or, when topLevel, one file's top-level test or suite's) time in a run. */
export interface TestTime {
  name: string;
  file: string;
  ms: number;
  /** A suite (describe block): its time is its tests' time, so it is not a test of its own. */
  suite: boolean;
  /** Top level in its file: a file's time is the sum of these (hooks included). */
  topLevel: boolean;
  failed: boolean;
  /** A failed test's error, cut short, so the run's end can say again what failed and why. */
  error?: string;
}

/**
 * A node:test reporter, used beside `spec`, that writes every test's time as
 * JSON to its destination when its lane ends; scripts/test.ts gathers the
 * lanes' files and prints slowestReport, so a slow test is seen the day it arrives.
 */
export default async function* testTimes(source: AsyncIterable<TestEvent>): AsyncGenerator<string> {
  const times: TestTime[] = [];
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const data = event.data;
    times.push({
      name: data.name,
      file: data.file ? path.relative(process.cwd(), data.file) : '',
      ms: data.details.duration_ms,
      suite: data.details.type === 'suite',
      topLevel: data.nesting === 0,
      failed: event.type === 'test:fail',
      ...(event.type === 'test:fail' ? { error: describeError(event.data.details.error) } : {}),
    });
  }
  yield JSON.stringify(times);
}

/** A failure's message and the first lines of its stack (node:test wraps the test's own error as its cause). */
function describeError(error: unknown): string {
  const inner = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const text = inner instanceof Error ? (inner.stack ?? inner.message) : String(inner);
  return text.split('\n').slice(0, 12).join('\n');
}

/**
 * The failed tests again, at the very end of a run: with lanes printing side by side, a failure
 * can be thousands of lines above the summary, beyond what a CI log keeps.
 */
export function failuresReport(times: TestTime[]): string {
  const failures = times.filter((t) => t.failed && !t.suite);
  if (!failures.length) return '';
  const lines = ['', `failed tests (${failures.length}):`];
  for (const t of failures) {
    lines.push(`✖ ${t.name}  (${t.file})`);
    for (const line of (t.error ?? '').split('\n')) lines.push(`    ${line}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The ten slowest tests and the five slowest files of a run, as printed at its end. */
export function slowestReport(times: TestTime[], wallMs: number): string {
  const tests = times.filter((t) => !t.suite);
  const files = new Map<string, number>();
  for (const t of times) if (t.topLevel) files.set(t.file, (files.get(t.file) ?? 0) + t.ms);
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1).padStart(6)} s`;
  const failed = tests.filter((t) => t.failed).length;
  const lines = [
    '',
    `${tests.length} tests, ${failed} failed; the run took ${(wallMs / 1000).toFixed(1)} s.`,
    'ten slowest tests:',
  ];
  for (const t of [...tests].sort((a, b) => b.ms - a.ms).slice(0, 10)) {
    lines.push(`  ${seconds(t.ms)}  ${t.name}  (${t.file})`);
  }
  lines.push('five slowest files (time in their tests and hooks):');
  for (const [file, ms] of [...files].sort((a, b) => b[1] - a[1]).slice(0, 5)) {
    lines.push(`  ${seconds(ms)}  ${file}`);
  }
  return `${lines.join('\n')}\n`;
}
