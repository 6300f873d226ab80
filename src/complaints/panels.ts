import { londonDay } from '../platform/calendar/days.ts';
import type { PanelSource } from '../platform/feature.ts';
import { complaintStagesPanelView, overdueActionsPanelView } from './panels.presenter.ts';

// The queries load when a panel is first shown, so the manifest stays light for the CLI.

/** Everyone: lesson actions they own that are past their due date. */
export const overdueActionsPanel: PanelSource = {
  id: 'lesson-actions-overdue',
  permission: 'home:view',
  async load({ db, clock }, user) {
    const { actionsOwnedBy } = await import('./lessons.repo.ts');
    return overdueActionsPanelView(await actionsOwnedBy(db, user.id), londonDay(clock.now()));
  },
};

/** Complaints officers: stages due in the next seven days, and overdue ones. */
export const complaintStagesPanel: PanelSource = {
  id: 'complaint-stages',
  permission: 'complaints:manage',
  async load({ db, clock }) {
    const { openComplaintDueDates } = await import('./complaints.repo.ts');
    return complaintStagesPanelView(await openComplaintDueDates(db), londonDay(clock.now()));
  },
};
