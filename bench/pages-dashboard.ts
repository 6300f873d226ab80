// bench/pages:dashboard — the team dashboard at 20 concurrent users on the Bradford-scale demo
// (6,000 children), against a static asset from the same server in the same run.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { machine, median, ms, percentile } from './stats.ts';

const root = path.resolve(import.meta.dirname, '..');
const USERS = 20;
const REQUESTS = Number(process.env.REQUESTS ?? 2000);

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const dir = mkdtempSync(path.join(tmpdir(), 'hub-bench-pages-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
// NODE_ENV=test: templates compiled once, as in production (development recompiles them on every
// request; production refuses to seed the demo).
const env: Record<string, string> = {
  NODE_ENV: 'test',
  DATA_DIR: dir,
  PORT: String(port),
  LOG_LEVEL: 'warn',
  WORKER: 'off',
};
if (process.env.DATABASE_URL) env.DATABASE_URL = process.env.DATABASE_URL;
const started = performance.now();
const server = spawn(
  process.execPath,
  [
    ...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE] : []),
    path.join(root, 'src/main.ts'),
    'serve',
    '--demo-if-empty',
  ],
  {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);

try {
  for (;;) {
    const ok = await fetch(`${base}/health`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) break;
    if (performance.now() - started > 120_000) throw new Error('the Hub did not start within 120 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  console.log(
    `bench/pages:dashboard — ${new Date().toISOString()} — ${machine()} — ${env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`,
  );
  console.log(
    `first start with the full demo (migrate, seed 6,000 children, work out their statuses): ${ms(performance.now() - started)}`,
  );

  // Sign in as the team manager persona, as a browser would.
  const cookies = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=');
      cookies.set(k!, v ?? '');
    }
  };
  const cookie = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const signInPage = await fetch(`${base}/sign-in`);
  keep(signInPage);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await signInPage.text())![1]!;
  keep(
    await fetch(`${base}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        _csrf: csrf,
        email: 'daniel.price@calderbrook.example',
        password: 'practice-hub-demo',
      }),
    }),
  );
  const home = await (await fetch(`${base}/performance`, { headers: { cookie: cookie() } })).text();
  const team = /href="(\/performance\/teams\/[^"]+)"/.exec(home)![1]!;
  const css = /href="(\/assets\/[^"]+\.css)"/.exec(home)![1]!;
  const children = Number(
    /<td class="govuk-table__cell govuk-table__cell--numeric"><a[^>]*>(\d+)<\/a>/.exec(home)?.[1] ?? 0,
  );

  async function load(url: string, withCookie: boolean) {
    const times: number[] = [];
    let next = 0;
    let failures = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: USERS }, async () => {
        while (next++ < REQUESTS) {
          const t = performance.now();
          const res = await fetch(`${base}${url}`, { headers: withCookie ? { cookie: cookie() } : {} });
          await res.arrayBuffer();
          if (res.status !== 200) failures++;
          times.push(performance.now() - t);
        }
      }),
    );
    return { times, failures, perSecond: (times.length / (performance.now() - t0)) * 1000 };
  }
  const report = (label: string, r: Awaited<ReturnType<typeof load>>) =>
    console.log(
      `${label.padEnd(44)} ${r.times.length} requests, ${USERS} at a time: median ${ms(median(r.times))}, p95 ${ms(percentile(r.times, 95))}, ${r.perSecond.toFixed(0)}/s${r.failures ? `, ${r.failures} not 200` : ''}`,
    );

  const pageBytes = (await (await fetch(`${base}${team}`, { headers: { cookie: cookie() } })).arrayBuffer())
    .byteLength;
  await load(team, true); // warm up: templates compiled, caches filled
  await load(css, false);
  const asset = await load(css, false);
  const dashboard = await load(team, true);
  report('static asset (same server, same run)', asset);
  report(`team dashboard (${children} children, ${(pageBytes / 1024).toFixed(0)} KB)`, dashboard);
  console.log(
    `ratio (p95): dashboard / static asset ${(percentile(dashboard.times, 95) / percentile(asset.times, 95)).toFixed(1)}×. Goal: dashboard p95 under 50 ms.`,
  );
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
