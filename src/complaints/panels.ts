import { addCalendarDays } from '../platform/calendar/days.ts';
import type { PanelSource } from '../platform/feature.ts';
import { plural } from '../platform/views/format.ts';
import { todayIn } from './complaints.service.ts';
import { actionsOwnedBy } from './learning.repo.ts';

/** Everyone: learning actions they own that are past their due date. */
export const overdueActionsPanel: PanelSource = {
  id: 'lesson-actions-overdue',
  permission: 'home:view',
  async load({ db, clock }, user) {
    const today = todayIn(clock);
    const overdue = (await actionsOwnedBy(db, user.id)).filter((a) => a.due_on < today);
    if (!overdue.length) return null;
    return {
      title: 'Learning actions past their due date',
      count: overdue.length,
      lines: [
        `${plural(overdue.length, 'action you own is', 'actions you own are')} waiting for evidence that practice changed: ${overdue.map((a) => a.description).join('; ')}.`,
      ],
      link: {
        href: `/learning-items/actions/${overdue[0]!.id}/evidence`,
        text: 'Add evidence for the first one',
      },
    };
  },
};

/** Complaints officers: stages due in the next five working days, and overdue ones. */
export const complaintStagesPanel: PanelSource = {
  id: 'complaint-stages',
  permission: 'complaints:manage',
  async load({ db, clock }) {
    const today = todayIn(clock);
    const open = await db.selectFrom('complaints').select(['due_on']).where('status', '=', 'open').execute();
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
  },
};
