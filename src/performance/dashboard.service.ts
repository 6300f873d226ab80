import { addCalendarDays, londonDay } from '../platform/calendar/days.ts';
import type { Db } from '../platform/db/db.ts';
import { NotFoundError } from '../platform/http/errors.ts';
import { type ListScope, listScope } from '../platform/policy/policy.ts';
import type { Principal } from '../platform/policy/roles.ts';
import type { Services } from '../platform/services.ts';
import { ViewCache } from '../platform/views/view-cache.ts';
import {
  childCounts,
  childStatusRows,
  dueByDay,
  getTeam,
  ruleCounts,
  staffNames,
  teamsInScope,
} from './dashboard.repo.ts';
import { authorizeTeam } from './scope.ts';
import { ensureStatuses, storedTrends } from './status.service.ts';
import { type TeamView, teamView } from './team.presenter.ts';

/** Today in London, the next two weeks, and the version of the statuses worked out for today. */
export interface StatusWindow {
  from: string;
  to: string;
  version: string;
}

/** Makes sure the stored statuses are today's, and the window the pages count "due soon" in. */
export async function statusWindow({ db, clock }: Services, days = 14): Promise<StatusWindow> {
  const from = londonDay(clock.now());
  const version = await ensureStatuses(db, from);
  return { from, to: addCalendarDays(from, days), version };
}

/** The children's overview: per team in the person's scope, with the trends. */
export async function overviewData(services: Services, user: Principal) {
  const { db } = services;
  const window = await statusWindow(services);
  const scope = listScope(user, 'children:view');
  const [teams, counts, trends] = await Promise.all([
    teamsInScope(db, scope),
    childCounts(db, scope, 'team', { dueFrom: window.from, dueTo: window.to }),
    storedTrends(db),
  ]);
  return { window, scope: scope.kind, teams, counts, trends };
}
export type OverviewData = Awaited<ReturnType<typeof overviewData>>;

/** The person's own caseload, whatever else their roles let them see. */
export async function myChildrenData(services: Services, user: Principal) {
  const window = await statusWindow(services);
  const rows = await childStatusRows(services.db, { kind: 'own', userId: user.id }, {});
  return { window, rows };
}
export type MyChildrenData = Awaited<ReturnType<typeof myChildrenData>>;

/** A page's filters on the list of children behind a number. */
export type ChildrenFilters = {
  team?: string;
  worker?: string;
  rule?: string;
  status?: 'on-time' | 'due-soon' | 'overdue' | 'finished-late' | 'not-seen';
  from?: string;
  to?: string;
};

/** The children behind a number: the person's scope, narrowed by the page's filters (a team they may see). */
export async function childrenListData(services: Services, user: Principal, f: ChildrenFilters) {
  const team = f.team ? await findTeam(services.db, f.team) : undefined;
  if (team) authorizeTeam(user, team);
  const window = await statusWindow(services);
  const rows = await childStatusRows(services.db, listScope(user, 'children:view'), {
    teamId: f.team,
    workerId: f.worker,
    rule: f.rule,
    status: f.status,
    dueFrom: f.from,
    dueTo: f.to,
  });
  return { window, filters: f, team, rows };
}
export type ChildrenListData = Awaited<ReturnType<typeof childrenListData>>;

async function findTeam(db: Db, id: string) {
  const team = await getTeam(db, id);
  if (!team) throw new NotFoundError('team');
  return team;
}

// A team's page is the same for everyone allowed to see the team, so its view is kept until the statuses change.
const teamViews = new WeakMap<Db, ViewCache<TeamView>>();

/** A team's page, for someone allowed to see the team's children. */
export async function teamPageData(services: Services, user: Principal, teamId: string) {
  const team = await findTeam(services.db, teamId);
  authorizeTeam(user, team);
  const window = await statusWindow(services);
  const cache = teamViews.get(services.db) ?? new ViewCache<TeamView>();
  teamViews.set(services.db, cache);
  const view = await cache.get(team.id, window.version, () => loadTeamView(services.db, team.id, window));
  return { team, window, view };
}
export type TeamPageData = Awaited<ReturnType<typeof teamPageData>>;

/** The four aggregate queries behind a team's page, presented once per version of the statuses. */
async function loadTeamView(db: Db, teamId: string, window: StatusWindow): Promise<TeamView> {
  // The team page shows every child of the team: the person's right to see it was checked above.
  const everyone: ListScope = { kind: 'all' };
  const f = { teamId, dueFrom: window.from, dueTo: window.to };
  const counts = await childCounts(db, everyone, 'worker', f);
  const names = await staffNames(
    db,
    counts.map((c) => c.key).filter((k): k is string => !!k),
  );
  const [rules, due, trends] = await Promise.all([
    ruleCounts(db, everyone, { teamId }),
    dueByDay(db, everyone, { teamId, from: window.from, to: window.to }),
    storedTrends(db),
  ]);
  return teamView({ teamId, window, counts, names, rules, due, trends });
}

/** The counts behind the home panels: the person's own caseload this week, or the children in their scope. */
export async function caseloadCounts(services: Services, user: Principal) {
  const window = await statusWindow(services, 7);
  const [counts] = await childCounts(services.db, { kind: 'own', userId: user.id }, 'worker', {
    dueFrom: window.from,
    dueTo: window.to,
  });
  return counts;
}

/** Per team, the children a manager or the PSW may see; null for someone whose scope is only their own. */
export async function scopeCounts(services: Services, user: Principal) {
  const scope = listScope(user, 'children:view');
  if (scope.kind === 'none' || scope.kind === 'own') return null;
  const window = await statusWindow(services);
  const rows = await childCounts(services.db, scope, 'team', { dueFrom: window.from, dueTo: window.to });
  return { scope, rows };
}
