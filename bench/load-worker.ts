// The readers of a page benchmark, on a thread of their own (see loadPage in stats.ts). Plain
// node:http with kept-alive connections, one per reader: fetch costs the readers' thread about a
// millisecond a request, which would put the readers' own queue into the server's times.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { url, cookie, users, requests, warmup } = workerData as {
  url: string;
  cookie: string;
  users: number;
  requests: number;
  warmup: number;
};
const agent = new http.Agent({ keepAlive: true, maxSockets: users });

function get(): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers: { cookie } }, (res) => {
      res.on('data', () => {});
      res.on('end', () =>
        res.statusCode === 200
          ? resolve(res.statusCode)
          : reject(new Error(`${url} answered ${res.statusCode}`)),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** `count` GETs by all the readers at once, each waiting for its answer before the next: their times. */
async function readers(count: number): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: users }, async () => {
      while (next < count) {
        next++;
        const s = performance.now();
        await get();
        times.push(performance.now() - s);
      }
    }),
  );
  return times;
}

try {
  // Untimed first, on the same connections: opening them, and this thread's own code being
  // compiled as it reads the first answers, are the readers' start-up, not the server's time.
  await readers(warmup);
  parentPort!.postMessage({ times: await readers(requests) });
} catch (err) {
  parentPort!.postMessage({ error: String(err) });
} finally {
  agent.destroy();
}
