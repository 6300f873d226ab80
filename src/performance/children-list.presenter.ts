import type { ChildStatusRow } from './dashboard.repo.ts';
import type { TableSpec } from './table.presenter.ts';
import { statusLabel, statusSentence } from './wording.presenter.ts';

/** The children behind a number: one row per child and piece of work. */
export function childrenTable(rows: ChildStatusRow[], back: string): TableSpec<ChildStatusRow> {
  return {
    name: 'children',
    caption: 'Children and their work',
    rows,
    columns: [
      {
        header: 'Child',
        value: (r) => r.child_name,
        href: (r) => `/children/${r.child_id}?from=${encodeURIComponent(back)}`,
      },
      { header: 'Local id', value: (r) => r.local_id },
      { header: 'What', value: (r) => statusSentence(r) },
      { header: 'Status', value: (r) => statusLabel(r) },
      { header: 'Due', value: (r) => r.due_day ?? '' },
      { header: 'Working days late', value: (r) => r.days_late, numeric: true },
      { header: 'Allocated worker', value: (r) => r.worker_name ?? 'Not allocated' },
      { header: 'Team', value: (r) => r.team_name },
    ],
  };
}
