import { londonDay } from '../platform/calendar/days.ts';
import type { PanelSource } from '../platform/feature.ts';
import { listScope } from '../platform/policy/policy.ts';
import {
  approvalsPanelView,
  myLearningPanelView,
  practiceFocusPanelView,
  teamNoShowsPanelView,
} from './panels.presenter.ts';
import {
  focusCourse,
  myHoldsAndWaits,
  myUnevaluated,
  noShowsSince,
  requestsToApprove,
  upcomingStarts,
} from './panels.repo.ts';

/** Everyone: this month's practice focus, its next dates and what it teaches. */
export const practiceFocusPanel: PanelSource = {
  id: 'learning-practice-focus',
  permission: 'home:view',
  async load({ db, clock }) {
    const course = await focusCourse(db, londonDay(clock.now()).slice(0, 7));
    if (!course?.focus_month) return null;
    const starts = await upcomingStarts(db, course.id, clock.now().toISOString());
    return practiceFocusPanelView({ ...course, focus_month: course.focus_month }, starts);
  },
};

/** Everyone: a held place to claim, evaluations to give, and where they are on waiting lists. */
export const myLearningPanel: PanelSource = {
  id: 'learning-mine',
  permission: 'home:view',
  async load({ db }, user) {
    const [places, toEvaluate] = await Promise.all([
      myHoldsAndWaits(db, user.id),
      myUnevaluated(db, user.id),
    ]);
    return myLearningPanelView(places, toEvaluate);
  },
};

/** Managers: people in their team (or service) who did not come to training they had booked, in the last 90 days. */
export const teamNoShowsPanel: PanelSource = {
  id: 'learning-team-no-shows',
  permission: 'learning:team-training',
  async load({ db, clock }, user) {
    const since = londonDay(new Date(clock.now().getTime() - 90 * 86_400_000));
    const missed = await noShowsSince(db, since, listScope(user, 'learning:team'), user.id);
    return teamNoShowsPanelView(
      missed,
      user.roles.includes('service-manager') ? 'your service' : 'your team',
    );
  },
};

/** Managers: requests for places on approval courses from people they may approve for. */
export const approvalsPanel: PanelSource = {
  id: 'learning-approvals',
  permission: 'learning:approve',
  async load({ db }, user) {
    return approvalsPanelView(await requestsToApprove(db, listScope(user, 'learning:approve'), user.id));
  },
};

export const LEARNING_PANELS = [practiceFocusPanel, myLearningPanel, teamNoShowsPanel, approvalsPanel];
