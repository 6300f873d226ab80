import path from 'node:path';
import type { Command } from 'commander';
import { systemActor } from '../../platform/audit/audit.ts';
import { londonDay } from '../../platform/calendar/days.ts';
import { systemClock } from '../../platform/clock.ts';
import type { DbHandle } from '../../platform/db/db.ts';
import { KINDS } from './kinds.ts';

type WithDb = <T>(fn: (h: DbHandle) => Promise<T>) => Promise<T>;

// The import code, the progress bar and the workbook reader are loaded by the command that uses
// them, and the status engine only once the file is in, so an import process starts small
// (docs/performance.md, "Children's timescales").

/** A refused file: each problem on standard error, then a failing exit code. */
function refuse(
  r: { errors: { row: number | null; message: string }[]; errorCount: number },
  withRow = true,
) {
  for (const e of r.errors)
    process.stderr.write(
      withRow ? `${e.row === null ? 'file' : `row ${e.row}`}: ${e.message}\n` : `${e.message}\n`,
    );
  if (r.errorCount > r.errors.length)
    process.stderr.write(`… and ${r.errorCount - r.errors.length} more problems.\n`);
  process.stderr.write('Nothing was imported.\n');
  process.exitCode = 1;
}

/** A progress bar on standard error: rows checked, then rows written (the total is known once checked). */
async function progressBar() {
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    { format: '{phase} |{bar}| {value} rows', stream: process.stderr, noTTYOutput: false },
    cliProgress.Presets.shades_classic,
  );
  let phase = '';
  let checked = 0;
  bar.start(0, 0, { phase: 'checking' });
  return {
    update: (p: 'checking' | 'writing', rows: number) => {
      if (p !== phase) {
        phase = p;
        // Writing goes towards the rows the check counted; checking towards what it has seen so far.
        bar.setTotal(Math.max(p === 'writing' ? checked : rows, 1));
      }
      if (p === 'checking') checked = rows;
      bar.setTotal(Math.max(rows, bar.getTotal()));
      bar.update(rows, { phase: p.padEnd(8) });
    },
    stop: () => bar.stop(),
  };
}

/** `practice-hub import children FILE`, `… import visits FILE`, and so on: one subcommand per kind. */
export function childImportCommands(importCmd: Command, withDb: WithDb) {
  importCmd
    .command('annex-a <file>')
    .description(
      'add lists 4–8 of an Ofsted Annex A workbook (.xlsx) to children already imported (all or nothing)',
    )
    .action((file: string) =>
      withDb(async ({ db }) => {
        const today = londonDay(systemClock.now());
        const [{ importAnnexA }, bar] = await Promise.all([import('./annex-a.ts'), progressBar()]);
        const r = await importAnnexA(
          db,
          systemClock,
          systemActor('import command'),
          { path: file, name: path.basename(file) },
          today,
          bar.update,
        );
        bar.stop();
        if (!r.ok) return refuse(r, false);
        const { refreshStatuses } = await import('../status.service.ts');
        const statuses = await refreshStatuses(db, today);
        process.stdout.write(
          `Imported Annex A from ${path.basename(file)}:\n${r.summary.map((l) => `  ${l}\n`).join('')}Worked out what is due for ${statuses.children} children.\n`,
        );
      }),
    );

  for (const spec of KINDS) {
    importCmd
      .command(`${spec.kind} <file>`)
      .description(
        `import ${spec.title.toLowerCase()} from a CSV file (all or nothing; matched on ${spec.columns[0]!.name})`,
      )
      .action((file: string) =>
        withDb(async ({ db }) => {
          const [bar, { importFile }] = await Promise.all([progressBar(), import('./run.ts')]);
          const today = londonDay(systemClock.now());
          const result = await importFile(
            db,
            systemClock,
            systemActor('import command'),
            spec,
            { path: file, name: path.basename(file) },
            today,
            bar.update,
          );
          bar.stop();
          if (!result.ok) return refuse(result);
          const { refreshStatuses } = await import('../status.service.ts');
          const statuses = await refreshStatuses(db, today);
          process.stdout.write(
            `Imported ${spec.title.toLowerCase()}: ${result.rows} rows, ${result.added} added, ${result.changed} changed, ${result.unchanged} unchanged.\n` +
              `Worked out what is due for ${statuses.children} children.\n`,
          );
        }),
      );
  }
}
