import { addCalendarDays, londonDay } from '../platform/calendar/days.ts';
import type { PanelSource } from '../platform/feature.ts';
import { childCounts } from './dashboard.repo.ts';
import { childScopeOf } from './scope.ts';
import { ensureStatuses } from './status.service.ts';
import { dueSoonSentence, overdueSentence, seenSentence } from './wording.presenter.ts';

/**
 * Home-page panels. Counts only, no names: the home page is not an audited
 * view of a child's record, so the names are one click away on an audited page.
 */
export const myChildrenPanel: PanelSource = {
  id: 'my-children',
  permission: 'children:caseload',
  async load({ db, clock }, user) {
    const from = londonDay(clock.now());
    await ensureStatuses(db, from);
    const [c] = await childCounts(db, { kind: 'own', workerId: user.id }, 'worker', {
      dueFrom: from,
      dueTo: addCalendarDays(from, 7),
    });
    if (!c) return null;
    return {
      title: 'Your children this week',
      count: c.overdue,
      lines: [
        seenSentence('you', c.visited, c.notSeen),
        overdueSentence(c.overdue, 'your'),
        dueSoonSentence(c.dueSoon, 'your').replace('in the next two weeks', 'in the next seven days'),
      ],
      link: { href: '/performance/my-children', text: 'See what is due for each child' },
    };
  },
};

export const teamChildrenPanel: PanelSource = {
  id: 'team-children',
  permission: 'children:teams',
  async load({ db, clock }, user) {
    const scope = childScopeOf(user);
    if (!scope || scope.kind === 'own') return null;
    const from = londonDay(clock.now());
    await ensureStatuses(db, from);
    const rows = await childCounts(db, scope, 'team', { dueFrom: from, dueTo: addCalendarDays(from, 14) });
    const t = rows.reduce(
      (a, r) => ({
        visited: a.visited + r.visited,
        notSeen: a.notSeen + r.notSeen,
        overdue: a.overdue + r.overdue,
      }),
      { visited: 0, notSeen: 0, overdue: 0 },
    );
    const whose = scope.kind === 'team' ? 'your team’s' : scope.kind === 'service' ? 'your service’s' : 'our';
    return {
      title:
        scope.kind === 'team'
          ? 'Your team’s children'
          : scope.kind === 'service'
            ? 'Your service’s children'
            : 'Our children',
      count: t.overdue,
      lines: [
        `${t.visited - t.notSeen} of ${whose} ${t.visited} children with a visiting timescale have been seen within it.`,
        overdueSentence(t.overdue, whose),
      ],
      link: {
        href: scope.kind === 'team' ? `/performance/teams/${scope.teamId}` : '/performance',
        text: 'See the children behind these numbers',
      },
    };
  },
};
