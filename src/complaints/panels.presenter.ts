import { addCalendarDays } from '../platform/calendar/days.ts';
import type { Panel } from '../platform/feature.ts';
import { plural } from '../platform/views/format.ts';

/** Pure: a person's lesson actions past their due date, or nothing to say. */
export function overdueActionsPanelView(
  owned: { id: string; description: string; due_on: string }[],
  today: string,
): Panel | null {
  const overdue = owned.filter((a) => a.due_on < today);
  if (!overdue.length) return null;
  return {
    title: 'Learning actions past their due date',
    count: overdue.length,
    lines: [
      `${plural(overdue.length, 'action you own is', 'actions you own are')} waiting for evidence that practice changed: ${overdue.map((a) => a.description).join('; ')}.`,
    ],
    link: {
      href: `/lessons/actions/${overdue[0]!.id}/evidence`,
      text: 'Add evidence for the first one',
    },
  };
}

/** Pure: open complaint stages that are overdue, and those due in the next seven days. */
export function complaintStagesPanelView(open: { due_on: string | null }[], today: string): Panel {
  const weekAhead = addCalendarDays(today, 7);
  const overdue = open.filter((c) => c.due_on && c.due_on < today).length;
  const week = open.filter((c) => c.due_on && c.due_on >= today && c.due_on <= weekAhead).length;
  const dueSoon = (more: boolean) =>
    week
      ? `${plural(week, more ? 'more is' : 'stage is', more ? 'more are' : 'stages are')} due in the next seven days.`
      : `None is due in the next seven days.`;
  // "0 complaint stages are overdue: families are waiting" would say two opposite things at once.
  if (!overdue)
    return {
      title: 'Complaint stages',
      count: 0,
      lines: ['No complaint stage is overdue.', dueSoon(false)],
      link: { href: '/complaints?status=open', text: 'See the open complaints' },
    };
  return {
    title: 'Complaint stages',
    count: overdue,
    lines: [
      `${plural(overdue, 'complaint stage is', 'complaint stages are')} overdue: children and families are waiting for an answer.`,
      dueSoon(true),
    ],
    link: { href: '/complaints?status=open&overdue=yes', text: 'See the overdue complaints' },
  };
}
