import type { ChildStatusRow } from './dashboard.repo.ts';
import { childSummaryFromRows } from './row-summary.rules.ts';
import { downloadLinks, pageTable, type TableSpec } from './table.presenter.ts';
import { dueSoonSentence, overdueSentence, seenSentence, statusSentence } from './wording.presenter.ts';

export interface MyChild {
  id: string;
  name: string;
  localId: string;
  late: string[];
  due: string[];
}

/** Each child once, with what is late and what is due by when (soonest first). */
export function myChildren(rows: ChildStatusRow[], dueTo: string): MyChild[] {
  const byChild = new Map<string, MyChild>();
  for (const r of rows) {
    let c = byChild.get(r.child_id);
    if (!c) {
      c = { id: r.child_id, name: r.child_name, localId: r.local_id, late: [], due: [] };
      byChild.set(r.child_id, c);
    }
    if (!r.open) continue;
    if (r.status === 'overdue') c.late.push(statusSentence(r));
    else if (r.due_day && r.due_day <= dueTo) c.due.push(statusSentence(r));
  }
  // Children with something late first, then by name.
  return [...byChild.values()].sort((a, b) => b.late.length - a.late.length || a.name.localeCompare(b.name));
}

export function mySummary(rows: ChildStatusRow[], dueFrom: string, dueTo: string): string[] {
  const s = childSummaryFromRows(rows, dueFrom, dueTo);
  return [
    seenSentence('you', s.visited, s.notSeen),
    overdueSentence(s.overdue, 'your'),
    dueSoonSentence(s.dueSoon, 'your'),
  ];
}

export function myChildrenTable(children: MyChild[], back: string): TableSpec<MyChild> {
  return {
    name: 'my-children',
    caption: 'My children this week',
    rows: children,
    columns: [
      {
        header: 'Child',
        value: (c) => c.name,
        href: (c) => `/children/${c.id}?from=${encodeURIComponent(back)}`,
      },
      { header: 'Late', value: (c) => c.late.join('. ') || 'Nothing' },
      { header: 'Due in the next two weeks', value: (c) => c.due.join('. ') || 'Nothing' },
    ],
  };
}

const MY_CHILDREN = '/performance/my-children';

/** The download of the person's own children this week. */
export const myChildrenDownload = (rows: ChildStatusRow[], window: { to: string }) =>
  myChildrenTable(myChildren(rows, window.to), MY_CHILDREN);

/** "My children this week": what the numbers say, then each child with what is late and what is due. */
export function presentMyChildren({
  rows,
  window,
}: {
  rows: ChildStatusRow[];
  window: { from: string; to: string };
}) {
  const children = myChildren(rows, window.to);
  return {
    title: 'My children this week',
    summary: mySummary(rows, window.from, window.to),
    table: pageTable(myChildrenTable(children, MY_CHILDREN)),
    count: children.length,
    downloads: downloadLinks(`${MY_CHILDREN}/download`),
  };
}
