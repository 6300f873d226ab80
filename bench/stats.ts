import os from 'node:os';
import { Worker } from 'node:worker_threads';

/** Small helpers shared by the benchmarks: they print figures, they never fail. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export const median = (values: number[]) => percentile(values, 50);
export const ms = (n: number) => `${n.toFixed(0)} ms`;

export function machine(): string {
  return `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/**
 * Times `requests` GETs of one page by `users` people at once (each waits for its answer before
 * the next), failing on any answer but 200: the pages benchmarks' load. The readers run on a
 * thread of their own, as browsers would be on machines of their own, so the server's thread
 * spends its time on the server's work and the times are not the readers' own queue. Before the
 * timed requests, `warmup` untimed ones on the same connections (a fifth as many by default):
 * with 400 timed requests and none untimed, the readers' own start-up was in the p95.
 */
export function loadPage(
  base: string,
  path: string,
  cookie: string,
  users: number,
  requests: number,
  warmup = Math.ceil(requests / 5),
) {
  return new Promise<number[]>((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.ts', import.meta.url), {
      workerData: { url: `${base}${path}`, cookie, users, requests, warmup },
    });
    worker.once('message', (m: { times?: number[]; error?: string }) =>
      m.times ? resolve(m.times) : reject(new Error(m.error)),
    );
    worker.once('error', reject);
  });
}
