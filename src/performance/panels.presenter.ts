import type { Panel } from '../platform/feature.ts';
import type { ListScope } from '../platform/policy/policy.ts';
import { dueSoonSentence, overdueSentence, seenSentence } from './wording.presenter.ts';

interface PanelCounts {
  visited: number;
  notSeen: number;
  overdue: number;
  dueSoon: number;
}

/**
 * Home-page panels. Counts only, no names: the home page is not an audited
 * view of a child's record, so the names are one click away on an audited page.
 */
export function myChildrenPanelView(c: PanelCounts | undefined): Panel | null {
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
}

type WiderScope = Extract<ListScope, { kind: 'team' | 'service' | 'all' }>;

/** The children of a manager's team or service, or (for the PSW) of the whole authority. */
export function teamChildrenPanelView(scope: WiderScope, rows: PanelCounts[]): Panel {
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
}
