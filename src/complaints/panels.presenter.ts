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
  return {
    title: 'Complaint stages',
    count: overdue,
    lines: [
      `${plural(overdue, 'complaint stage is', 'complaint stages are')} overdue: children and families are waiting for an answer.`,
      `${plural(week, 'more is', 'more are')} due in the next seven days.`,
    ],
    link: { href: '/complaints?status=open&overdue=yes', text: 'See the overdue complaints' },
  };
}
