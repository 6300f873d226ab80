import type { FastifyInstance } from 'fastify';
import { createApp } from './app.ts';
import { startFeatureJobs } from './background.ts';
import type { Config } from './config.ts';
import { demoSignInHelp, isEmpty, seedDemo } from './demo/api.ts';
import { demoSeeds } from './features.ts';
import { systemClock } from './platform/clock.ts';
import { openDb } from './platform/db/db.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { registerHousekeeping, scheduleSessionPurge } from './platform/jobs/housekeeping.ts';
import { startWorker } from './platform/jobs/worker.ts';
import { createLogger } from './platform/logging.ts';
import { preloadMail } from './platform/mail/layout.ts';
import type { Services } from './platform/services.ts';

/**
 * Boots the Hub: opens and migrates the database, seeds the demo authority
 * into an empty development database, then listens and starts the worker.
 */
export async function startServer(
  config: Config,
  // `extend` adds routes before the app listens: only the browser tests use it (to serve axe-core).
  options: { demoIfEmpty: boolean; quiet?: boolean; extend?: (app: FastifyInstance) => void },
) {
  const log = createLogger(config.logLevel);
  const handle = openDb(config.database, {
    onConnectionError: (err) =>
      log.warn({ err: err.message }, 'database connection lost; the pool will reconnect'),
  });
  const applied = await migrateToLatest(handle);
  if (applied.length) log.info({ applied }, 'database migrated');
  const services: Services = { config, db: handle.db, dialect: handle.dialect, clock: systemClock, log };

  let seeded: string[] | null = null;
  if (options.demoIfEmpty && config.env !== 'production' && (await isEmpty(handle.db))) {
    const { people, features } = await seedDemo(handle.db, systemClock, demoSeeds(), {
      size: 'full',
      dataDir: config.dataDir,
    });
    log.info({ people, features }, 'seeded the demo authority');
    seeded = [`${people} staff`, ...features];
  }

  const app = await createApp(services);
  options.extend?.(app);
  await preloadMail();
  await app.listen({ host: config.host, port: config.port });
  registerHousekeeping();
  await scheduleSessionPurge(services);
  await startFeatureJobs(services);
  const worker = config.runWorker ? startWorker(services) : undefined;
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const local = config.host === '0.0.0.0' || config.host === '127.0.0.1';
  const url = `http://${local ? 'localhost' : config.host}:${port}`;

  if (!options.quiet) {
    process.stdout.write(
      `\n${config.serviceName} is running at ${url} (database: ${handle.dialect}${seeded ? ', demo data added' : ''})\n` +
        (seeded ? `Demo data: ${seeded.join('; ')}.\n` : '') +
        (config.env !== 'production' && !(await isEmpty(handle.db))
          ? `Sign in as any demo persona:\n${demoSignInHelp()}\n\n`
          : '\n'),
    );
  }

  const stop = async () => {
    await worker?.stop();
    await app.close();
    await handle.close();
  };
  return { app, services, url, stop };
}
