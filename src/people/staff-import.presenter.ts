import { fileProblemsView } from '../platform/http/forms.ts';
import { STAFF_COLUMNS } from './staff-import.parse.ts';

/** The staff import page, with the problems of a refused file if there was one. Pure. */
export function presentStaffImport(problems?: { row: number | null; message: string }[]) {
  return {
    title: 'Import staff',
    columns: STAFF_COLUMNS,
    backLink: { href: '/staff' },
    ...(problems ? fileProblemsView(problems) : {}),
  };
}

/** What the directory says after a file was imported. */
export const staffImported = (r: { created: number; updated: number; unchanged: number }) =>
  `Staff file imported: ${r.created} added, ${r.updated} changed, ${r.unchanged} unchanged.`;
