import { loadWorkingCalendar } from '../platform/calendar/closure-days.repo.ts';
import { londonDay } from '../platform/calendar/days.ts';
import type { PanelSource } from '../platform/feature.ts';
import { listScope } from '../platform/policy/policy.ts';
import {
  datesToCheckPanel,
  fewBookingsPanel,
  registersTodayPanel,
  waitingListsPanel,
} from './ld-home.presenter.ts';
import { marksOn, sessionsFrom } from './ld-home.repo.ts';
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
    // This month in London, not in UTC: at 00:30 on 1 June (BST) it is already June.
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

/** L&D: today's registers still to take. */
export const registersTodayLdPanel: PanelSource = {
  id: 'learning-registers-today',
  permission: 'learning:manage',
  async load({ db, clock }) {
    const today = londonDay(clock.now());
    const sessions = await sessionsFrom(db, today);
    const todays = sessions.flatMap((x) => x.parts.filter((p) => p.day === today).map((p) => p.id));
    return registersTodayPanel(sessions, await marksOn(db, todays), today);
  },
};

/** L&D: sessions soon with few bookings, and courses whose waiting lists would fill another session. */
export const offerHealthLdPanels: PanelSource[] = [
  {
    id: 'learning-few-bookings',
    permission: 'learning:manage',
    async load({ db, clock }) {
      const today = londonDay(clock.now());
      return fewBookingsPanel(await sessionsFrom(db, today), today);
    },
  },
  {
    id: 'learning-waiting-lists',
    permission: 'learning:manage',
    async load({ db, clock }) {
      return waitingListsPanel(await sessionsFrom(db, londonDay(clock.now())));
    },
  },
  {
    id: 'learning-dates-to-check',
    permission: 'learning:manage',
    async load({ db, clock }) {
      const today = londonDay(clock.now());
      const [sessions, calendar] = await Promise.all([sessionsFrom(db, today), loadWorkingCalendar(db)]);
      return datesToCheckPanel(sessions, calendar, today);
    },
  },
];

export const LEARNING_PANELS = [
  registersTodayLdPanel,
  ...offerHealthLdPanels,
  practiceFocusPanel,
  myLearningPanel,
  teamNoShowsPanel,
  approvalsPanel,
];
