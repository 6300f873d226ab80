import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { openDb } from '../../src/platform/db/db.ts';
import { createLogger } from '../../src/platform/logging.ts';
import type { Services } from '../../src/platform/services.ts';
import { startServer } from '../../src/server.ts';
import { copySqliteTemplate, template } from '../../src/testing/templates.ts';
import { serveAxe } from './axe.ts';

const configFor = (dir: string) =>
  loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    WORKER: 'off',
  });

/** The Hub's own first start on an empty folder: migrate, and seed the full demo authority. */
async function firstStart(dir: string) {
  const first = await startServer(configFor(dir), { demoIfEmpty: true, quiet: true });
  await first.stop();
}

/**
 * A data folder holding the full demo authority. Under the npm test scripts the
 * first start runs once per run, into a template folder that each hub copies
 * (./templates.ts); a test file run on its own makes the first start itself.
 */
async function demoDataDir(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-e2e-'));
  try {
    const seeded = await template('e2e-demo', 'sqlite', (_target, templateDir) => firstStart(templateDir));
    if (seeded?.kind === 'sqlite') copySqliteTemplate(seeded, dir);
    else await firstStart(dir);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return dir;
}

/** The real Hub on a free port, on a fresh database holding the full demo authority. */
export async function startHub() {
  const dir = await demoDataDir();
  const server = await startServer(configFor(dir), { demoIfEmpty: true, quiet: true, extend: serveAxe });
  return {
    url: server.url,
    services: server.services,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The Hub's web app on the same demo data with routes a test adds before it
 * listens (for a page that exists only in that test), and any settings changed
 * (a session that ends after seconds). No background jobs.
 */
export async function startHubWith(
  extend: (app: FastifyInstance, services: Services) => void,
  // A test that must know the Hub's address before it starts (to register it with an OpenID provider)
  // gives the port and changes the settings.
  options: { port?: number; configure?: (config: Config) => Config } = {},
) {
  const dir = await demoDataDir();
  const config = (options.configure ?? ((c) => c))(configFor(dir));
  const handle = openDb(config.database);
  const services: Services = {
    config,
    db: handle.db,
    dialect: handle.dialect,
    clock: systemClock,
    log: createLogger(config.logLevel),
  };
  const app = await createApp(services);
  extend(app, services);
  serveAxe(app);
  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://localhost:${port}`,
    services,
    /** The URL patterns of the app's GET routes, as declared (so the crawl can tell kinds of page apart). */
    getRoutes: app.declaredRoutes.filter((r) => r.method === 'GET').map((r) => r.url),
    stop: async () => {
      await app.close();
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
