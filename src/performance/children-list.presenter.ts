import { formatDate } from '../platform/views/format.ts';
import type { ChildStatusRow } from './dashboard.repo.ts';
import { downloadLinks, pageTable, qs, type TableSpec } from './table.presenter.ts';
import { ruleTitle, statusLabel, statusSentence } from './wording.presenter.ts';

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

/** How many rows the page shows; the download has them all. */
export const CHILDREN_SHOWN = 200;
const LIST = '/performance/children';

interface ListInput {
  filters: Record<string, string | undefined>;
  rows: ChildStatusRow[];
}

/** The list's own address with its filters, which each child's page links back to. */
export const listAddress = (filters: ListInput['filters']) => `${LIST}${qs({ ...filters })}`;

/** The download of the children behind a number. */
export const childrenDownload = ({ filters, rows }: ListInput) => childrenTable(rows, listAddress(filters));

const STATUS_WORDS: Record<string, string> = {
  'not-seen': 'not seen within their timescale',
  'on-time': 'work on time',
  'due-soon': 'work due soon',
  overdue: 'work that is late',
  'finished-late': 'work finished late',
};

/**
 * Each list titled by what it holds (WCAG 2.4.2), as the filters say:
 * "Children: work that is late, Child protection visits, Assessment Team 1".
 */
function listTitleFor({ filters: f, rows, team }: ListInput & { team?: { name: string } }) {
  const worker = f.worker ? rows.find((r) => r.worker_name)?.worker_name : undefined;
  const parts = [
    f.status ? STATUS_WORDS[f.status] : undefined,
    f.rule ? ruleTitle(f.rule) : undefined,
    f.from && f.to
      ? f.from === f.to
        ? `due ${formatDate(f.from)}`
        : `due ${formatDate(f.from)} to ${formatDate(f.to)}`
      : undefined,
    worker ? `with ${worker}` : undefined,
    team?.name,
  ].filter(Boolean);
  return parts.length ? `Children: ${parts.join(', ')}` : 'The children behind the number';
}

/** "The children behind the number": each child and piece of work, back to the team (if the list is of one). */
export function presentChildrenList(input: ListInput & { team?: { id: string; name: string } }) {
  const { rows, team } = input;
  const back = listAddress(input.filters);
  const table = childrenTable(rows, back);
  return {
    title: 'The children behind the number',
    documentTitle: listTitleFor(input),
    caption: team?.name,
    children: new Set(rows.map((r) => r.child_id)).size,
    shown: Math.min(rows.length, CHILDREN_SHOWN),
    total: rows.length,
    table: pageTable({ ...table, rows: table.rows.slice(0, CHILDREN_SHOWN) }),
    downloads: downloadLinks(`${LIST}/download${back.slice(LIST.length)}`),
    backLink: {
      href: team ? `/performance/teams/${team.id}` : '/performance',
      text: team ? `Back to ${team.name}` : 'Back',
    },
  };
}
