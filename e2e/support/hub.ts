import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { startServer } from '../../src/server.ts';

/** The real Hub on a free port, on a fresh demo-seeded SQLite database. */
export async function startHub() {
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-e2e-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    WORKER: 'off',
  });
  const server = await startServer(config, { demoIfEmpty: true, quiet: true });
  return {
    url: server.url,
    services: server.services,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
