import type { Actor } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/db.ts';
import { checkAnnexA, importAnnexA } from './annex-a.ts';
import { type KindSpec, kindSpec } from './kinds.ts';
import { checkFile, type ImportProblem, importFile } from './run.ts';

type Problems = { ok: false; errors: ImportProblem[]; errorCount: number };
interface PreviewTable {
  head: { text: string }[];
  rows: { text: string }[][];
}

/** One kind of upload as the web pages see it: a CSV kind, or the Annex A workbook. */
export interface Importer {
  kind: string;
  title: string;
  extension: 'csv' | 'xlsx';
  check(
    db: Db,
    path: string,
    today: string,
  ): Promise<{ ok: true; rows: number; table: PreviewTable } | Problems>;
  write(
    db: Db,
    clock: Clock,
    actor: Actor,
    file: { path: string; name: string },
    today: string,
  ): Promise<{ ok: true; summary: string } | Problems>;
}

const csvImporter = (spec: KindSpec): Importer => ({
  kind: spec.kind,
  title: spec.title,
  extension: 'csv',
  async check(db, path, today) {
    const r = await checkFile(db, spec, path, today);
    if (!r.ok) return r;
    return {
      ok: true,
      rows: r.rows,
      table: {
        head: spec.columns.map((c) => ({ text: c.name })),
        rows: r.preview.map((p) =>
          spec.columns.map((c) => ({ text: p[c.name] === null ? '' : String(p[c.name]) })),
        ),
      },
    };
  },
  async write(db, clock, actor, file, today) {
    const r = await importFile(db, clock, actor, spec, file, today);
    if (!r.ok) return r;
    return {
      ok: true,
      summary: `${spec.title} imported from ${file.name}: ${r.added} added, ${r.changed} changed, ${r.unchanged} unchanged.`,
    };
  },
});

export const annexAImporter: Importer = {
  kind: 'annex-a',
  title: 'Ofsted Annex A workbook (lists 4 to 8)',
  extension: 'xlsx',
  async check(db, path, today) {
    const r = await checkAnnexA(db, { path }, today);
    if (!r.ok) return r;
    return {
      ok: true,
      rows: r.rows,
      table: {
        head: [{ text: 'Record' }, { text: 'Id' }],
        rows: r.preview.map((p) => [{ text: p.table }, { text: p.local_id }]),
      },
    };
  },
  async write(db, clock, actor, file, today) {
    const r = await importAnnexA(db, clock, actor, file, today);
    if (!r.ok) return r;
    return {
      ok: true,
      summary: `Annex A workbook ${file.name} imported. ${r.summary.join(' ')}`,
    };
  },
};

export const importerFor = (kind: string): Importer | undefined => {
  if (kind === annexAImporter.kind) return annexAImporter;
  const spec = kindSpec(kind);
  return spec ? csvImporter(spec) : undefined;
};
