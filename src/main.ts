import { Command } from 'commander';
import { ConfigError, loadConfig } from './config.ts';
import { demoSeeds, FEATURES } from './features.ts';
import { systemClock } from './platform/clock.ts';
import { openDb } from './platform/db/db.ts';
import { migrateToLatest } from './platform/db/migrate.ts';

// Each command loads what it needs when it runs (`await import`), so `practice-hub import visits`
// does not first load the web app, its templates and exceljs: with everything loaded up front an
// import process held about 190 MB before it opened the file (now about 120 MB), and the whole
// million-row import has a budget of 300 MB.

const program = new Command('practice-hub').description('Practice & Learning Hub');

/** Opens the configured database, migrated, for a one-off command. */
async function withDb<T>(fn: (h: ReturnType<typeof openDb>) => Promise<T>): Promise<T> {
  const handle = openDb(loadConfig().database);
  try {
    await migrateToLatest(handle);
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

program
  .command('serve')
  .description('run the web app (and the background worker unless WORKER=off)')
  .option('--demo-if-empty', 'seed the demo authority when the database is empty (never in production)')
  .action(async (opts: { demoIfEmpty?: boolean }) => {
    const { startServer } = await import('./server.ts');
    const server = await startServer(loadConfig(), { demoIfEmpty: !!opts.demoIfEmpty });
    const shutdown = () => {
      server.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });

program
  .command('migrate')
  .description('bring the database schema up to date')
  .action(() =>
    withDb(async () => {
      process.stdout.write('Database is up to date.\n');
    }),
  );

program
  .command('demo')
  .description('add the demo authority (teams and staff in every role) to an empty database')
  .option('--children <n>', 'children in the synthetic authority (default 6000, Bradford scale)', (v) => {
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < 0 || n > 200_000) throw new Error('--children must be 0 to 200000');
    return n;
  })
  .action((opts: { children?: number }) =>
    withDb(async ({ db }) => {
      if (loadConfig().env === 'production') throw new Error('Demo data is never added in production.');
      const { demoSignInHelp, isEmpty, seedDemo } = await import('./demo/api.ts');
      if (!(await isEmpty(db)))
        throw new Error('The database already has staff; demo data goes only into an empty one.');
      const { people, features } = await seedDemo(db, systemClock, demoSeeds(), {
        size: 'full',
        children: opts.children,
        dataDir: loadConfig().dataDir,
      });
      process.stdout.write(
        `Added ${people} demo staff.\n${features.map((f) => `${f}\n`).join('')}${demoSignInHelp()}\n`,
      );
    }),
  );

const importCommand = program.command('import').description('import data from files');
for (const feature of FEATURES) feature.commands?.({ program, importCommand, withDb });

program.parseAsync().catch((err: unknown) => {
  process.stderr.write(
    `${err instanceof ConfigError ? err.message : err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
