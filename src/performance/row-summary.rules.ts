import type { ChildStatusRow } from './dashboard.repo.ts';
import { VISIT_RULES } from './rules/types.ts';

/** The counts the summary sentences use, from status rows (the same meaning as dashboard.repo's childCounts). */
export function childSummaryFromRows(rows: readonly ChildStatusRow[], dueFrom: string, dueTo: string) {
  const children = new Set<string>();
  const visited = new Set<string>();
  const notSeen = new Set<string>();
  const overdue = new Set<string>();
  const dueSoon = new Set<string>();
  for (const r of rows) {
    children.add(r.child_id);
    const visit = (VISIT_RULES as readonly string[]).includes(r.rule);
    if (visit) visited.add(r.child_id);
    if (visit && r.status === 'overdue') notSeen.add(r.child_id);
    if (r.open && r.status === 'overdue') overdue.add(r.child_id);
    if (r.open && r.status !== 'overdue' && r.due_day && r.due_day >= dueFrom && r.due_day <= dueTo)
      dueSoon.add(r.child_id);
  }
  return {
    children: children.size,
    visited: visited.size,
    notSeen: notSeen.size,
    overdue: overdue.size,
    dueSoon: dueSoon.size,
  };
}
