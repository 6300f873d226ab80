import os from 'node:os';

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
 * the next), failing on any answer but 200: the pages benchmarks' load.
 */
export async function loadPage(base: string, path: string, cookie: string, users: number, requests: number) {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: users }, async () => {
      while (next < requests) {
        next++;
        const s = performance.now();
        const res = await fetch(`${base}${path}`, { headers: { cookie } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
        times.push(performance.now() - s);
      }
    }),
  );
  return times;
}
