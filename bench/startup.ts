// Time from starting `practice-hub serve` to the first 200 from /health, on a
// fresh database (migrate + seed the demo) and on an existing one.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { machine, median, ms, percentile } from './stats.ts';

const root = path.resolve(import.meta.dirname, '..');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

async function startOnce(env: Record<string, string>): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'src/main.ts'), 'serve', '--demo-if-empty'], {
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn', WORKER: 'off' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/health`);
        if (res.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 30_000) throw new Error('the Hub did not answer within 30 s');
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

function report(label: string, times: number[]) {
  console.log(
    `${label.padEnd(44)} runs ${times.length}  median ${ms(median(times))}  p95 ${ms(percentile(times, 95))}  min ${ms(Math.min(...times))}`,
  );
}

console.log(`bench/startup — ${new Date().toISOString()} — ${machine()}`);
const fresh: number[] = [];
const existing: number[] = [];
for (let i = 0; i < 3; i++) {
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-bench-'));
  fresh.push(await startOnce({ DATA_DIR: dir }));
  for (let j = 0; j < 3; j++) existing.push(await startOnce({ DATA_DIR: dir }));
  rmSync(dir, { recursive: true, force: true });
}
report('SQLite, fresh database (migrate + demo seed)', fresh);
report('SQLite, existing database', existing);

if (process.env.DATABASE_URL) {
  const pg: number[] = [];
  for (let i = 0; i < 5; i++)
    pg.push(await startOnce({ DATA_DIR: tmpdir(), DATABASE_URL: process.env.DATABASE_URL }));
  report('PostgreSQL, existing database', pg);
}
console.log('Goal: under 1,500 ms on an existing database.');
