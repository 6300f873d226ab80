import type { ExportColumn } from '../platform/export/table-export.ts';
import type { keptForm } from '../platform/http/forms.ts';
import { formatDate } from '../platform/views/format.ts';
import type { CpdRecord } from './cpd.service.ts';

type Kept = ReturnType<typeof keptForm>;
type Entry = CpdRecord['rows'][number];

/**
 * The person's CPD page: the year's standing, every entry (those of an earlier
 * year say so) with its reflection form, and the form to add other CPD. Only
 * that form's answers are kept for it (it always sends a title); a reflection's
 * form shows the entry's saved text.
 */
export function presentCpdPage({ year, rows, standing }: CpdRecord, kept: Kept) {
  const addFormAnswers = kept && 'title' in kept.values ? kept.values : {};
  return {
    title: 'My CPD record',
    year,
    standing,
    rows: rows.map((r) => ({
      ...r,
      when: formatDate(r.day),
      inYear: r.day >= year.start && r.day <= year.end,
    })),
    values: addFormAnswers,
    errors: kept?.errors,
    backLink: { href: '/learning/mine', text: 'Back to my learning' },
  };
}

/** The printable record for a registration renewal: this year's entries only. */
export function presentCpdPrint({ year, rows, standing }: CpdRecord, name: string) {
  return {
    title: `CPD record of ${name}`,
    year,
    standing,
    rows: rows
      .filter((r) => r.day >= year.start && r.day <= year.end)
      .map((r) => ({ ...r, when: formatDate(r.day) })),
  };
}

const CPD_COLUMNS: ExportColumn<Entry>[] = [
  { header: 'Date', value: (r) => r.day, type: 'date' },
  { header: 'Learning', value: (r) => r.title },
  { header: 'From training booked here', value: (r) => (r.booking_id ? 'Yes' : 'No') },
  { header: 'Reflection', value: (r) => r.reflection },
  { header: 'Peer reflection', value: (r) => (r.peer_reflected ? 'Yes' : 'No') },
];

/** The whole record as a CSV or XLSX download, named with the London day. */
export const cpdDownload = (rows: Entry[], today: string) => ({
  filename: `cpd-${today}`,
  sheetName: 'CPD',
  columns: CPD_COLUMNS,
  rows,
});
