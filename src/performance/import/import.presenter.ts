import { toCsv } from '../../platform/csv.ts';
import { fileProblemsView } from '../../platform/http/forms.ts';
import type { Expired, Preview, Refused } from './import.service.ts';
import { annexAImporter } from './importers.ts';
import { KINDS, kindSpec } from './kinds.ts';

/**
 * The import page: what each kind of file holds and its columns, the upload
 * form, and (after a refusal) the problems found, row by row, or a note that
 * no upload is waiting any more.
 */
export function presentImportPage(state: Refused | Expired | null = null) {
  const kind = state && 'kind' in state ? state.kind : undefined;
  return {
    title: 'Import children’s records',
    kinds: KINDS.map((k) => ({ kind: k.kind, title: k.title, columns: k.columns })),
    kindItems: [...KINDS, annexAImporter].map((k) => ({
      value: k.kind,
      text: k.title,
      checked: k.kind === kind,
    })),
    ...(state && 'expired' in state ? { expired: true } : {}),
    ...(state && 'errors' in state
      ? { kind, ...fileProblemsView(state.errors, state.total, state.errors.length) }
      : {}),
  };
}

/** "Check before importing": the first rows of a file every row of which has been checked. */
export function presentPreview({ upload, importer, table }: Preview) {
  return {
    title: `Check before importing: ${importer.title.toLowerCase()}`,
    upload,
    table,
    backLink: { href: '/performance/import' },
  };
}

/** What the import page says once the records are in. */
export const importedMessage = (summary: string) =>
  `${summary} What is due for each child has been worked out again.`;

/** A CSV template for a kind of file (the first kind for one not known): its columns and an example row. */
export function templateCsv(kind: string | undefined) {
  const spec = kindSpec(kind ?? '') ?? KINDS[0]!;
  const example = Object.fromEntries(spec.columns.map((c) => [c.name, c.example]));
  return {
    filename: `${spec.kind}-template.csv`,
    body: toCsv(
      [example],
      spec.columns.map((c) => ({ header: c.name, value: (r: Record<string, string>) => r[c.name] })),
    ),
  };
}
