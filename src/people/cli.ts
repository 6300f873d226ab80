import { readFileSync } from 'node:fs';
import { systemActor } from '../platform/audit/audit.ts';
import { systemClock } from '../platform/clock.ts';
import type { Cli } from '../platform/feature.ts';
import { ROLES } from '../platform/policy/roles.ts';

/** `practice-hub create-user …` and `practice-hub import staff FILE`; each loads its code when it runs. */
export function peopleCommands({ program, importCommand, withDb }: Cli) {
  program
    .command('create-user')
    .description('add a person who can sign in (the password is read from standard input)')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .requiredOption('--role <role...>', `one or more of: ${ROLES.join(', ')}`)
    .option('--team <team>', 'team name')
    .option('--staff-number <number>')
    .action((opts) =>
      withDb(async ({ db }) => {
        const password = readFileSync(0, 'utf8').split('\n')[0] ?? '';
        const { createAccount } = await import('./create-account.ts');
        const id = await createAccount(db, systemClock, systemActor('create-user command'), {
          ...opts,
          password,
        });
        process.stdout.write(`Created ${opts.email} (${id}).\n`);
      }),
    );

  importCommand
    .command('staff <file>')
    .description('import staff from a CSV file (all or nothing; matched on staff_number)')
    .action((file: string) =>
      withDb(async ({ db }) => {
        const { importStaff } = await import('./staff-import.service.ts');
        const result = await importStaff(
          db,
          systemClock,
          systemActor('import command'),
          readFileSync(file, 'utf8'),
        );
        if (!result.ok) {
          for (const e of result.errors)
            process.stderr.write(`${e.row === null ? 'file' : `row ${e.row}`}: ${e.message}\n`);
          process.stderr.write('Nothing was imported.\n');
          process.exitCode = 1;
          return;
        }
        process.stdout.write(
          `Imported: ${result.created} added, ${result.updated} changed, ${result.unchanged} unchanged.\n`,
        );
      }),
    );
}
