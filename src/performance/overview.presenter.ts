import type { ListScope } from '../platform/policy/policy.ts';
import { type Counts, countsTable, trendChart } from './dashboard.presenter.ts';
import { downloadLinks, pageTable, type TableSpec } from './table.presenter.ts';
import { sumTrends, type Trends } from './trends.rules.ts';
import { dueSoonSentence, overdueSentence, seenSentence } from './wording.presenter.ts';

type CountRow = Omit<Counts, 'name'>;

/** What the overview is worked out from: the person's scope, the teams in it, per-team counts and the trends. */
export interface OverviewInput {
  window: { from: string; to: string };
  scope: ListScope['kind'];
  teams: { id: string; name: string }[];
  counts: CountRow[];
  trends: Trends;
}

/** Children in each team of the person's scope (the overview's table, and its download). */
export function overviewTable({ teams, counts, window }: OverviewInput): TableSpec<Counts> {
  const names = new Map(teams.map((t) => [t.id, t.name]));
  const rows = counts.map((c) => ({ ...c, name: names.get(c.key ?? '') ?? 'No team' }));
  return countsTable(rows, 'team', window);
}

/**
 * The children's overview. Someone who sees only their own children is sent to
 * their own list; everyone else sees the teams in their scope, what the numbers
 * say in sentences, and the trend of those teams week by week.
 */
export function presentOverview(input: OverviewInput) {
  const table = overviewTable(input);
  const own = input.scope === 'own';
  const total = table.rows.reduce(
    (a, r) => ({
      visited: a.visited + r.visited,
      notSeen: a.notSeen + r.notSeen,
      overdue: a.overdue + r.overdue,
      dueSoon: a.dueSoon + r.dueSoon,
    }),
    { visited: 0, notSeen: 0, overdue: 0, dueSoon: 0 },
  );
  const { trends, teams } = input;
  return {
    title: 'Children: seen, assessed and planned for on time',
    own,
    summary: own
      ? []
      : [
          seenSentence('team', total.visited, total.notSeen).replace('the team’s', 'our'),
          overdueSentence(total.overdue),
          dueSoonSentence(total.dueSoon),
        ],
    table: own ? null : pageTable(table),
    chart:
      own || !trends.weeks.length
        ? null
        : trendChart(
            trends.weeks,
            sumTrends(
              trends,
              teams.map((t) => t.id),
            ),
          ),
    today: input.window.from,
    downloads: downloadLinks('/performance/download'),
  };
}
