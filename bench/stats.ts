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
  warmup = untimedBefore(requests),
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

const untimedBefore = (requests: number) => Math.ceil(requests / 5);

/**
 * Rounds of untimed load before a pages benchmark times anything, so the server is timed as one
 * that has been running a while: V8 keeps optimising a page's code for thousands of requests (one
 * reader's bulletin page took 3.7 ms of CPU at first, 1.8 ms after 5,000).
 */
const WARM_UP_ROUNDS = 3;

/** How many untimed requests warmUp makes, for a benchmark's heading. */
export const warmUpRequests = (requests: number) => WARM_UP_ROUNDS * (requests + untimedBefore(requests));

/** Loads `path` as loadPage does, WARM_UP_ROUNDS times, untimed. */
export async function warmUp(base: string, path: string, cookie: string, users: number, requests: number) {
  for (let i = 0; i < WARM_UP_ROUNDS; i++) await loadPage(base, path, cookie, users, requests);
}
